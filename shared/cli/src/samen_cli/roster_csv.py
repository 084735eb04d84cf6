"""The school's roster file (docs/roster.md), read and split between two services.

Pure: no network. `read_roster` turns the CSV into rows with pseudonymous ids (the
school's own numbers never leave this machine) and reports each unusable row by its
line. `consent_payload` and `contacts_payload` split the rows: the consent service gets
the pupil's dates and each guardian's standing; the notifications service gets the
pupil's first name and each guardian's contact points, language and do-not-contact flag.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final
from uuid import UUID

from samen_contract import pseudonymous_id

REQUIRED: Final = ("leerlingnummer", "voornaam", "geboortedatum", "inschrijfdatum")
OPTIONAL: Final = ("uitschrijfdatum", "groep")
GUARDIAN_FIELDS: Final = ("nummer", "gezag", "email", "mobiel", "taal", "niet_benaderen")
_GUARDIAN_COLUMN: Final = re.compile(r"^ouder([1-9])_(" + "|".join(GUARDIAN_FIELDS) + r")$")
_YES: Final = {"ja", "j", "yes", "y", "1", "true", "waar"}
_NO: Final = {"nee", "n", "no", "0", "false", "onwaar", ""}
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LANGUAGE: Final = re.compile(r"^[a-z]{2,3}$")
_NUMBER: Final = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_GROUP: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")  # the contract's group code


class RosterFileError(Exception):
    """The file as a whole cannot be read (no header, missing columns)."""


@dataclass(frozen=True)
class Guardian:
    guardian_id: UUID
    authority: bool
    email: str | None
    mobile: str | None
    language: str
    do_not_contact: bool


@dataclass(frozen=True)
class Row:
    line: int
    pupil_id: UUID
    first_name: str
    birth_date: date
    enrolled_on: date
    left_on: date | None
    guardians: tuple[Guardian, ...]
    group: str | None = None


@dataclass(frozen=True)
class BadRow:
    line: int
    detail: str


@dataclass(frozen=True)
class Roster:
    rows: list[Row] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)


@dataclass(frozen=True)
class Numbering:
    """Where the pseudonymous ids come from: tenant, school and the school's numbers."""

    tenant: str
    school_id: UUID

    def pupil(self, number: str) -> UUID:
        return pseudonymous_id("pupil", self.tenant, str(self.school_id), number)

    def guardian(self, number: str) -> UUID:
        return pseudonymous_id("guardian", self.tenant, str(self.school_id), number)


def read_roster(text: str, numbering: Numbering) -> Roster:
    """Every data row, or its line and what is wrong with it."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=_delimiter(text))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise RosterFileError(f"kolommen ontbreken: {', '.join(missing)}")
    reader.fieldnames = header
    slots = sorted({int(m.group(1)) for m in map(_GUARDIAN_COLUMN.match, header) if m})
    roster = Roster()
    for record in reader:
        line = reader.line_num
        try:
            roster.rows.append(_row(line, _clean(record), slots, numbering))
        except ValueError as error:
            roster.bad.append(BadRow(line, str(error)))
    return roster


def _delimiter(text: str) -> str:
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    return ";" if first.count(";") > first.count(",") else ","


def _clean(record: Mapping[str | Any, Any]) -> dict[str, str]:
    return {str(k): (v or "").strip() for k, v in record.items() if isinstance(v, str) or v is None}


def _row(line: int, record: dict[str, str], slots: Iterable[int], numbering: Numbering) -> Row:
    number, first_name = record["leerlingnummer"], record["voornaam"]
    if not _NUMBER.match(number):
        raise ValueError("leerlingnummer ontbreekt of bevat vreemde tekens")
    if not first_name:
        raise ValueError("voornaam ontbreekt")
    guardians = [g for slot in slots if (g := _guardian(record, slot, numbering)) is not None]
    return Row(
        line=line,
        pupil_id=numbering.pupil(number),
        first_name=first_name,
        birth_date=_date(record["geboortedatum"], "geboortedatum"),
        enrolled_on=_date(record["inschrijfdatum"], "inschrijfdatum"),
        left_on=_date(record["uitschrijfdatum"], "uitschrijfdatum")
        if record.get("uitschrijfdatum")
        else None,
        guardians=tuple(guardians),
        group=_group(record.get("groep", "")),
    )


def _group(text: str) -> str | None:
    """The class group's code (`7b`, `groep-8a`); spaces dropped as spreadsheets add them."""
    code = re.sub(r"\s", "", text)
    if code and not _GROUP.match(code):
        raise ValueError("groep bevat vreemde tekens (gebruik letters, cijfers, - of _)")
    return code or None


def _guardian(record: dict[str, str], slot: int, numbering: Numbering) -> Guardian | None:
    value = {name: record.get(f"ouder{slot}_{name}", "") for name in GUARDIAN_FIELDS}
    if not value["nummer"]:
        if any(value.values()):
            raise ValueError(f"ouder{slot}_nummer ontbreekt terwijl ouder{slot} gegevens heeft")
        return None
    if not _NUMBER.match(value["nummer"]):
        raise ValueError(f"ouder{slot}_nummer bevat vreemde tekens")
    email = value["email"] or None
    if email is not None and not _EMAIL.match(email):
        raise ValueError(f"ouder{slot}_email is geen e-mailadres")
    language = (value["taal"] or "nl").lower()
    if not _LANGUAGE.match(language):
        raise ValueError(f"ouder{slot}_taal is geen taalcode (zoals nl, en, tr)")
    return Guardian(
        guardian_id=numbering.guardian(value["nummer"]),
        authority=_yes_no(value["gezag"], f"ouder{slot}_gezag", required=True),
        email=email,
        mobile=_mobile(value["mobiel"], slot),
        language=language,
        do_not_contact=_yes_no(value["niet_benaderen"], f"ouder{slot}_niet_benaderen"),
    )


def _date(text: str, column: str) -> date:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{column} is geen datum (gebruik jjjj-mm-dd of dd-mm-jjjj)")


def _yes_no(text: str, column: str, *, required: bool = False) -> bool:
    """`ja`/`nee`; an empty cell is `nee`, unless the column is required (gezag: a
    legal standing is never guessed)."""
    lowered = text.lower()
    if not lowered and required:
        raise ValueError(f"{column} ontbreekt (ja of nee)")
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    raise ValueError(f"{column} moet ja of nee zijn")


def _mobile(text: str, slot: int) -> str | None:
    """International form: +31 6... for a Dutch 06 number; spaces and dashes dropped."""
    digits = re.sub(r"[\s().-]", "", text)
    if not digits:
        return None
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+31" + digits[1:]
    if not re.fullmatch(r"\+[1-9]\d{7,14}", digits):
        raise ValueError(f"ouder{slot}_mobiel is geen telefoonnummer")
    return digits


def consent_payload(school_id: UUID, board_id: UUID | None, rows: Sequence[Row]) -> dict[str, Any]:
    """What the consent service gets: ids, dates, class group, standing. No names, no
    contact points."""
    return {
        "school_id": str(school_id),
        "board_id": None if board_id is None else str(board_id),
        "rows": [
            {
                "line": row.line,
                "pupil_id": str(row.pupil_id),
                "birth_date": row.birth_date.isoformat(),
                "enrolled_on": row.enrolled_on.isoformat(),
                "left_on": None if row.left_on is None else row.left_on.isoformat(),
                "group": row.group,
                "guardians": [
                    {
                        "guardian_id": str(g.guardian_id),
                        "standing": "parental_authority" if g.authority else "information_right",
                    }
                    for g in row.guardians
                ],
            }
            for row in rows
        ],
    }


def contacts_payload(school_id: UUID, rows: Sequence[Row]) -> dict[str, Any]:
    """What the notifications service gets: first name, contact points, language, flag."""
    return {
        "school_id": str(school_id),
        "rows": [
            {
                "line": row.line,
                "pupil_id": str(row.pupil_id),
                "pupil_first_name": row.first_name,
                "guardians": [
                    {
                        "guardian_id": str(g.guardian_id),
                        "email": g.email,
                        "mobile": g.mobile,
                        "language": g.language,
                        "do_not_contact": g.do_not_contact,
                    }
                    for g in row.guardians
                ],
            }
            for row in rows
        ],
    }
