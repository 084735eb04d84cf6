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
    result = ImportResult()
    await roster.save_school(session, tenant, school_id, {})
    names = await _first_names(session, tenant, lines)
    saved: dict[UUID, str | None] = {}
    for line in lines:
        try:
            values = {g.guardian_id: guardian_values(g) for g in line.guardians}
        except InvalidContactPoint as error:
            result.errors.append({"line": line.line, "detail": str(error)})
            continue
        changed = await _save_line(session, tenant, line, values, now)
        for guardian_id in changed:
            await planner.replan_waiting(session, tenant, guardian_id, now)
        renamed = line.pupil_id not in names or names[line.pupil_id] != line.pupil_first_name
        names[line.pupil_id] = saved[line.pupil_id] = line.pupil_first_name
        if changed or renamed:
            result.imported += 1
        else:
            result.unchanged += 1
    # Last, in one go and in pupil order: the consumer writes these rows too (enrolments).
    await roster.save_pupils(session, tenant, school_id, saved)
    log.info("notifications.roster.imported", imported=result.imported, errors=len(result.errors))
    return result


async def _save_line(
    session: AsyncSession,
    tenant: str,
    line: RosterLine,
    values: dict[UUID, dict[str, Any]],
    now: datetime,
) -> list[UUID]:
    changed = []
    for guardian_id, guardian in sorted(values.items()):
        if await contacts.save_guardian_contact(session, tenant, guardian_id, guardian, now):
            changed.append(guardian_id)
    return changed


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
