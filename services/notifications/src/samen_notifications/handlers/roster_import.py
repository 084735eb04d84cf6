"""Use case: the roster import's share for this service — guardians' contact points and
the pupil's first name — and staff contact points. One transaction per call.

A row is all or nothing: a row with one unusable guardian detail is reported (by line
and by which kind of detail, never the value) and nothing of it is saved. A guardian
whose contact point arrives or changes gets what waited for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import contacts, roster
from samen_notifications.adapters.tables import GuardianContactRow
from samen_notifications.domain.contact import parse_email, parse_language, parse_mobile
from samen_notifications.domain.errors import InvalidContactPoint
from samen_notifications.handlers.planning import Planner

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class GuardianLine:
    guardian_id: UUID
    email: str | None
    mobile: str | None
    language: str
    do_not_contact: bool


@dataclass(frozen=True, slots=True)
class RosterLine:
    line: int
    pupil_id: UUID
    pupil_first_name: str | None
    guardians: tuple[GuardianLine, ...]


@dataclass(frozen=True, slots=True)
class StaffLine:
    line: int
    staff_id: UUID
    role: str
    school_ids: tuple[UUID, ...]
    email: str
    name: str | None = None


@dataclass
class ImportResult:
    imported: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


IMPORTED_FIELDS = ("email", "mobile", "language", "do_not_contact")  # guardian_values' keys


def guardian_values(line: GuardianLine) -> dict[str, Any]:
    """The contact point's stored values, normalised; InvalidContactPoint names the field."""
    return {
        "email": _checked("email", parse_email, line.email),
        "mobile": _checked("mobile", parse_mobile, line.mobile),
        "language": _checked("language", parse_language, line.language),
        "do_not_contact": line.do_not_contact,
    }


def _checked(name: str, parse: Any, raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    try:
        return str(parse(raw))
    except InvalidContactPoint as error:
        raise InvalidContactPoint(f"{name}: {error}") from error


async def import_contacts(
    session: AsyncSession,
    planner: Planner,
    *,
    tenant: str,
    school_id: UUID,
    lines: Sequence[RosterLine],
    now: datetime,
) -> ImportResult:
    """A fixed number of statements per call, whatever the rows: read what is on file,
    decide per line in memory, then write each table once, in key order."""
    await roster.save_school(session, tenant, school_id, {})
    names = await _first_names(session, tenant, lines)
    guardian_ids = {g.guardian_id for line in lines for g in line.guardians}
    on_file = await contacts.guardian_contacts(session, tenant, guardian_ids)
    plan = plan_import(lines, names, {g: _stored(row) for g, row in on_file.items()})
    await contacts.save_guardian_contacts(session, tenant, plan.contacts, now)
    await planner.replan_waiting_of(session, tenant, plan.contacts.keys(), now)
    # Last, in one go and in pupil order: the consumer writes these rows too (enrolments).
    await roster.save_pupils(session, tenant, school_id, plan.first_names)
    result = plan.result
    log.info("notifications.roster.imported", imported=result.imported, errors=len(result.errors))
    return result


@dataclass(frozen=True)
class ImportPlan:
    """What an import call writes: the contact points that changed (their final
    values), every pupil's first name, and the report."""

    contacts: dict[UUID, dict[str, Any]]
    first_names: dict[UUID, str | None]
    result: ImportResult


def plan_import(
    lines: Sequence[RosterLine],
    names: dict[UUID, str | None],
    on_file: dict[UUID, dict[str, Any]],
) -> ImportPlan:
    """Lines in file order against what is on file: a guardian on two lines (siblings)
    is compared with what the earlier line left, as if each line were saved in turn."""
    result = ImportResult()
    known, names = dict(on_file), dict(names)
    changed: dict[UUID, dict[str, Any]] = {}
    first_names: dict[UUID, str | None] = {}
    for line in lines:
        try:
            values = {g.guardian_id: guardian_values(g) for g in line.guardians}
        except InvalidContactPoint as error:
            result.errors.append({"line": line.line, "detail": str(error)})
            continue
        fresh = {g: v for g, v in values.items() if known.get(g) != v}
        known.update(fresh)
        changed.update(fresh)
        renamed = line.pupil_id not in names or names[line.pupil_id] != line.pupil_first_name
        names[line.pupil_id] = first_names[line.pupil_id] = line.pupil_first_name
        if fresh or renamed:
            result.imported += 1
        else:
            result.unchanged += 1
    return ImportPlan(changed, first_names, result)


def _stored(row: GuardianContactRow) -> dict[str, Any]:
    """The row's values that an import sets, to compare with a line's."""
    return {key: getattr(row, key) for key in IMPORTED_FIELDS}


async def _first_names(
    session: AsyncSession, tenant: str, lines: Sequence[RosterLine]
) -> dict[UUID, str | None]:
    """The first names on file of the pupils the lines name (absent: not on file yet)."""
    known = await roster.pupils(session, tenant, {line.pupil_id for line in lines})
    return {pupil_id: row.first_name for pupil_id, row in known.items()}


async def import_staff(
    session: AsyncSession, *, tenant: str, lines: Sequence[StaffLine], now: datetime
) -> ImportResult:
    result = ImportResult()
    for line in lines:
        try:
            email = parse_email(line.email)
        except InvalidContactPoint as error:
            result.errors.append({"line": line.line, "detail": f"email: {error}"})
            continue
        changed = await contacts.save_staff_contact(
            session,
            tenant,
            line.staff_id,
            role=line.role,
            school_ids=line.school_ids,
            email=email,
            name=line.name,
            now=now,
        )
        if changed:
            result.imported += 1
        else:
            result.unchanged += 1
    return result
