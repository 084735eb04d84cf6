"""Register a pupil's OPP, or a new version of its action part (→ `OppRegistered`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from samen_kit.access import StaffPrincipal

from samen_meetings.adapters.mapping import apply_opp, new_opp_row, opp_of, tenant_uuid
from samen_meetings.adapters.tables import OppRow
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.cycle_errors import PupilHasLeft
from samen_meetings.domain.due import evaluation_due_on
from samen_meetings.domain.opp import Opp, close_opp, new_action_part, register_opp
from samen_meetings.handlers import payloads
from samen_meetings.handlers.context import Cause, Context, facts
from samen_meetings.handlers.lookups import visible_opp, visible_pupil


@dataclass(frozen=True)
class RegisterOpp:
    opp_id: UUID
    pupil_id: UUID
    started_on: date
    action_part_version: int
    parents_approved: bool


async def register(ctx: Context, staff: StaffPrincipal, cmd: RegisterOpp) -> OppRow:
    """A pupil has one OPP at a time: the previous one closes, its cycle stops."""
    async with ctx.unit_of_work() as uow:
        pupil = await visible_pupil(uow, staff, cmd.pupil_id)
        if pupil.left_on is not None:
            raise PupilHasLeft(pupil.pupil_id)
        opp = register_opp(
            Opp(
                cmd.opp_id, tenant_uuid(pupil.tenant), pupil.school_id, pupil.pupil_id,
                cmd.started_on, cmd.action_part_version, cmd.parents_approved,
            ),
            ctx.today(),
        )  # fmt: skip
        previous = await uow.opps.open_of_pupil(pupil.tenant, pupil.pupil_id)
        if previous is not None:
            apply_opp(previous, close_opp(opp_of(previous), opp))
        row = new_opp_row(opp, tenant=pupil.tenant, actor=staff.actor)
        uow.opps.add(row)
        await _announce(ctx, uow, row, opp, Cause(staff.actor))
    return row


async def revise_action_part(
    ctx: Context, staff: StaffPrincipal, opp_id: UUID, version: int, parents_approved: bool
) -> OppRow:
    async with ctx.unit_of_work() as uow:
        row = await visible_opp(uow, staff, opp_id, lock=True)
        opp = new_action_part(opp_of(row), version, parents_approved)
        apply_opp(row, opp)
        await _announce(ctx, uow, row, opp, Cause(staff.actor))
    return row


async def _announce(ctx: Context, uow: UnitOfWork, row: OppRow, opp: Opp, cause: Cause) -> None:
    settings = await uow.settings.of(row.tenant)
    due_on = evaluation_due_on(opp.cycle, settings)
    await uow.emit(payloads.opp_registered(row, opp, due_on), **facts(row, cause, ctx.now()))
