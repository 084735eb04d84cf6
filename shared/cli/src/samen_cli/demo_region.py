"""The demo samenwerkingsverband: two boards, three schools, a few hundred pupils.

Pure and seeded: the same region every time, written as the schools' own roster files
(docs/roster.md) so that loading it goes through `samen roster import` like real data.
Guardians read Dutch, Arabic, Turkish, Polish, Ukrainian or English; some pupils have two
guardians with authority (in some families the second reads Dutch), some a second parent
with only the right to information. Contact points are fictitious (`.invalid` addresses,
mobile numbers from one block of 06-1234 numbers, each given to one guardian only).

Staff are part of the region too: an IB, a teacher and a director per school, and the
samenwerkingsverband's trajectbegeleider and administrator, each with a stable
pseudonymous id and a `.invalid` address.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from uuid import UUID

from samen_contract import pseudonymous_id

TENANT = "swv-demo-regio"
LANGUAGES = (("nl", 55), ("ar", 12), ("tr", 11), ("pl", 9), ("uk", 8), ("en", 5))
FIRST_NAMES = (
    "Sara",
    "Daan",
    "Noor",
    "Liam",
    "Yara",
    "Sem",
    "Fatima",
    "Milan",
    "Zeynep",
    "Lucas",
    "Mila",
    "Adam",
    "Olena",
    "Jakub",
    "Emma",
    "Mohammed",
    "Lotte",
    "Ayşe",
    "Bram",
    "Zofia",
    "Ibrahim",
    "Julia",
    "Taras",
    "Elif",
    "Finn",
    "Amira",
    "Oliwia",
    "Levi",
    "Sofiia",
    "Tess",
)


MOBILE_BLOCK = 12340000  # 06-1234xxxx: fiction, never dialled by the simulator
SECOND_PARENT_DUTCH = 0.3  # in mixed families the second guardian reads Dutch


@dataclass(frozen=True)
class School:
    number: str
    name: str
    board_id: UUID
    school_id: UUID
    pupils: int
    index: int = 0  # the school's place in the region: keeps mobile numbers apart


@dataclass(frozen=True)
class Region:
    tenant: str
    boards: dict[str, UUID]
    schools: tuple[School, ...]


class StaffRole(StrEnum):
    IB = "ib"
    TEACHER = "teacher"
    DIRECTOR = "director"
    TRAJECTBEGELEIDER = "trajectbegeleider"
    SWV_ADMIN = "swv_admin"


SCHOOL_ROLES = (StaffRole.IB, StaffRole.TEACHER, StaffRole.DIRECTOR)
# Made-up names of the demo schools' staff, three per school in SCHOOL_ROLES' order.
_STAFF_NAMES = (
    *("Marieke de Boer", "Sanne de Vries", "Jeroen Visser"),
    *("Fatima El Amrani", "Daan Mulder", "Petra Smit"),
    *("Wouter Bos", "Lotte Meijer", "Kees van Dijk"),
)


@dataclass(frozen=True)
class StaffMember:
    """A colleague of the region. `school` is None for the samenwerkingsverband's own."""

    person_id: UUID
    role: StaffRole
    email: str
    school: School | None = None
    name: str = ""


def region(pupils_per_school: int = 100, tenant: str = TENANT) -> Region:
    if not 1 <= pupils_per_school <= 499:
        raise ValueError("a demo school has 1 to 499 pupils (mobile numbers stay unique)")
    boards = {
        "Stichting Samen Leren": pseudonymous_id("board", tenant, "samen-leren"),
        "Stichting De Brug": pseudonymous_id("board", tenant, "de-brug"),
    }
    first, second = boards.values()
    specs = (
        ("brede-school-de-linde", "Brede School De Linde", first),
        ("obs-het-kompas", "OBS Het Kompas", first),
        ("sbo-de-brug", "SBO De Brug", second),
    )
    schools = tuple(
        School(
            number,
            name,
            board,
            pseudonymous_id("school", tenant, number),
            pupils_per_school,
            index,
        )
        for index, (number, name, board) in enumerate(specs)
    )
    return Region(tenant, boards, schools)


def staff(of: Region) -> tuple[StaffMember, ...]:
    """Everyone who works on the region's cases, with stable ids."""
    at_schools = tuple(
        StaffMember(
            pseudonymous_id("staff", of.tenant, school.number, role.value),
            role,
            f"{role.value}.{school.number}@demo-scholen.invalid",
            school,
            _STAFF_NAMES[school.index * len(SCHOOL_ROLES) + position],
        )
        for school in of.schools
        for position, role in enumerate(SCHOOL_ROLES)
    )
    swv = tuple(
        StaffMember(
            pseudonymous_id("staff", of.tenant, "swv", role.value),
            role,
            f"{role.value}@demo-swv.invalid",
            name=name,
        )
        for role, name in (
            (StaffRole.TRAJECTBEGELEIDER, "Ahmed Yilmaz"),
            (StaffRole.SWV_ADMIN, "Ingrid Bakker"),
        )
    )
    return at_schools + swv


def staff_member(of: Region, role: StaffRole, school: School | None = None) -> StaffMember:
    return next(m for m in staff(of) if m.role is role and m.school == school)


def roster_csv(school: School, today: date, seed: int = 2026) -> str:
    """The school's roster file, in the format `samen roster import` reads."""
    rng = random.Random(f"{seed}:{school.number}")
    out = io.StringIO()
    columns = [
        "leerlingnummer",
        "voornaam",
        "geboortedatum",
        "inschrijfdatum",
        "uitschrijfdatum",
        "groep",
    ]
    for slot in (1, 2):
        columns += [
            f"ouder{slot}_{f}"
            for f in ("nummer", "gezag", "email", "mobiel", "taal", "niet_benaderen")
        ]
    writer = csv.DictWriter(out, columns, delimiter=";", lineterminator="\n")
    writer.writeheader()
    for n in range(1, school.pupils + 1):
        writer.writerow(_pupil(rng, school, n, today))
    return out.getvalue()


def _pupil(rng: random.Random, school: School, n: int, today: date) -> dict[str, str]:
    age_days = rng.randint(4 * 365 + 30, 15 * 365)
    born = today - timedelta(days=age_days)
    fourth_birthday = born + timedelta(days=4 * 365 + 1)  # pupils start school at four
    enrolled = max(fourth_birthday, today - timedelta(days=rng.randint(60, 1500)))
    language = rng.choices([c for c, _ in LANGUAGES], [w for _, w in LANGUAGES])[0]
    row = {
        "leerlingnummer": f"{school.number[:3].upper()}{n:04d}",
        "voornaam": rng.choice(FIRST_NAMES),
        "geboortedatum": born.isoformat(),
        "inschrijfdatum": enrolled.isoformat(),
        "uitschrijfdatum": "",
        "groep": demo_group(born, today, n),
    }
    row |= _guardian(rng, school, n, 1, language, authority=True)
    draw = rng.random()
    second = "nl" if rng.random() < SECOND_PARENT_DUTCH else language
    if draw < 0.45:  # two parents with authority
        row |= _guardian(rng, school, n, 2, second, authority=True)
    elif draw < 0.55:  # a parent with only the right to information
        row |= _guardian(rng, school, n, 2, second, authority=False)
    return row


def demo_group(born: date, today: date, n: int) -> str:
    """The class group by age, as Dutch primary schools count them (groep 1 at four, groep
    8 at eleven), in parallel classes a to c: the demo teachers' groups (5a, 6b, 4c) have
    pupils. Drawn without the generator, so the rest of the file stays as it was."""
    age = (today - born).days // 365
    return f"{max(1, min(8, age - 3))}{'abc'[n % 3]}"


def _guardian(
    rng: random.Random, school: School, n: int, slot: int, language: str, *, authority: bool
) -> dict[str, str]:
    number = f"{school.number[:3].upper()}{n:04d}-{slot}"
    has_mobile = rng.random() < 0.7
    # One number per guardian: the school's place, the pupil and the slot make it unique.
    serial = (school.index * 500 + n) * 2 + slot - 1
    return {
        f"ouder{slot}_nummer": number,
        f"ouder{slot}_gezag": "ja" if authority else "nee",
        f"ouder{slot}_email": f"ouder-{number.lower()}@demo-ouders.invalid",
        f"ouder{slot}_mobiel": f"06{MOBILE_BLOCK + serial}" if has_mobile else "",
        f"ouder{slot}_taal": language,
        f"ouder{slot}_niet_benaderen": "nee",
    }
