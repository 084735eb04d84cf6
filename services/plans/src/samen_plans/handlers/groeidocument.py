"""Adding to and reading the pupil's groeidocument, by staff and by the parents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

from samen_contract.events.plans import (
    ContributionKind,
    ContributorRole,
    GroeidocumentEntryAdded,
)
from samen_kit.access import GuardianClaims, StaffPrincipal
from samen_kit.db import unit_of_work
from samen_kit.roster import Pupil
from sqlalchemy.ext.asyncio import AsyncSession

from samen_plans.adapters.groeidocument import SqlGroeidocument
from samen_plans.adapters.tables import GroeidocumentEntryRow
from samen_plans.domain.groeidocument import check_entry
from samen_plans.handlers.access import pupil_for_guardian, pupil_for_staff
from samen_plans.handlers.context import Context
from samen_plans.handlers.emitting import emit_for


@dataclass(frozen=True)
class NewEntry:
    kind: ContributionKind
    text: str
    test_name: str | None = None
    taken_on: date | None = None


async def _add(
    deps: Context,
    session: AsyncSession,
    pupil: Pupil,
    entry: NewEntry,
    by: ContributorRole,
    actor: str,
) -> GroeidocumentEntryRow:
    check_entry(entry.kind, by, entry.test_name, entry.taken_on, deps.today())
    now = deps.clock.now()
    row = GroeidocumentEntryRow(
        tenant=pupil.tenant,
        entry_id=uuid4(),
        pupil_id=pupil.pupil_id,
        school_id=pupil.school_id,
        board_id=pupil.board_id,
        kind=entry.kind.value,
        text=entry.text,
        test_name=entry.test_name,
        taken_on=entry.taken_on,
        by_role=by.value,
        author=actor,
        added_at=now,
    )
    SqlGroeidocument(session).add(row)
    event = GroeidocumentEntryAdded(
        entry_id=row.entry_id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        kind=entry.kind,
        by=by,
    )
    await emit_for(session, deps.writer, row, event, actor=actor, at=now)
    return row


async def add_by_staff(
    deps: Context, staff: StaffPrincipal, pupil_id: UUID, entry: NewEntry
) -> GroeidocumentEntryRow:
    async with unit_of_work(deps.sessions) as session:
        pupil = await pupil_for_staff(session, staff, pupil_id)
        return await _add(deps, session, pupil, entry, ContributorRole.STAFF, staff.actor)


async def add_parents_view(
    deps: Context, claims: GuardianClaims, pupil_id: UUID, text: str
) -> GroeidocumentEntryRow:
    async with unit_of_work(deps.sessions) as session:
        pupil = await pupil_for_guardian(session, claims, pupil_id)
        entry = NewEntry(ContributionKind.PARENTS_VIEW, text)
        return await _add(deps, session, pupil, entry, ContributorRole.GUARDIAN, claims.actor)


async def entries_for_staff(
    deps: Context, staff: StaffPrincipal, pupil_id: UUID
) -> Sequence[GroeidocumentEntryRow]:
    async with unit_of_work(deps.sessions) as session:
        pupil = await pupil_for_staff(session, staff, pupil_id)
        return await SqlGroeidocument(session).of_pupil(pupil.tenant, pupil.pupil_id)


async def entries_for_guardian(
    deps: Context, claims: GuardianClaims, pupil_id: UUID
) -> Sequence[GroeidocumentEntryRow]:
    async with unit_of_work(deps.sessions) as session:
        pupil = await pupil_for_guardian(session, claims, pupil_id)
        return await SqlGroeidocument(session).of_pupil(pupil.tenant, pupil.pupil_id)
