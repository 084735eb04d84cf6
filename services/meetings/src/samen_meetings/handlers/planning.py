"""Plan, register afterwards, reschedule and cancel meetings (staff)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from samen_contract.events.meetings import RescheduleReason
from samen_kit.access import StaffPrincipal
from samen_kit.roster import Pupil

from samen_meetings.adapters.mapping import apply_meeting, meeting_of, new_meeting_row, tenant_uuid
from samen_meetings.adapters.tables import MeetingRow
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain import planning
from samen_meetings.domain.errors import (
    EvaluationSubjectUnknown,
    OppClosed,
    ParticipantFromAnotherTenant,
    PupilHasLeft,
)
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.meeting import (
    NO_INTERPRETER,
    CancelReason,
    InterpreterNeed,
    LocationKind,
    TimeSlot,
)
from samen_meetings.domain.participants import StaffMember
from samen_meetings.handlers import payloads
from samen_meetings.handlers.admin import note_caller
from samen_meetings.handlers.context import Cause, Context, facts
from samen_meetings.handlers.lookups import visible_meeting, visible_pupil


@dataclass(frozen=True)
class PlanMeeting:
    meeting_id: UUID
    pupil_id: UUID
    kind: MeetingKind
    starts_at: datetime
    ends_at: datetime
    staff_ids: tuple[UUID, ...]
    include_pupil: bool = False
    interpreter: InterpreterNeed = NO_INTERPRETER
    location: LocationKind = LocationKind.SCHOOL
    evaluates_opp_id: UUID | None = None
    evaluates_agreement_ids: frozenset[UUID] = field(default_factory=frozenset)


async def plan_meeting(ctx: Context, staff: StaffPrincipal, cmd: PlanMeeting) -> MeetingRow:
    """A meeting to come; invitations go out with `MeetingScheduled`."""
    async with ctx.unit_of_work() as uow:
        pupil, request = await _request(uow, staff, cmd)
        consents = await uow.projections.consents(pupil.tenant, pupil.pupil_id)
        context = await uow.projections.pupil_context(pupil)
        meeting = planning.plan_meeting(request, context, consents, ctx.now())
        row = new_meeting_row(meeting, tenant=pupil.tenant, now=ctx.now(), actor=staff.actor)
        uow.meetings.add(row)
        await uow.emit(payloads.scheduled(row), **facts(row, Cause(staff.actor), ctx.now()))
    return row


async def register_unplanned(ctx: Context, staff: StaffPrincipal, cmd: PlanMeeting) -> MeetingRow:
    """A conversation that already took place, so that its record can be written. No
    invitation goes out; `MeetingRecorded` (planned: false) tells the others."""
    async with ctx.unit_of_work() as uow:
        pupil, request = await _request(uow, staff, cmd, allow_left=True)
        consents = await uow.projections.consents(pupil.tenant, pupil.pupil_id)
        context = await uow.projections.pupil_context(pupil)
        meeting = planning.register_unplanned_meeting(request, context, consents, ctx.now())
        row = new_meeting_row(meeting, tenant=pupil.tenant, now=ctx.now(), actor=staff.actor)
        uow.meetings.add(row)
    return row


async def reschedule(
    ctx: Context, staff: StaffPrincipal, meeting_id: UUID, starts_at: datetime, ends_at: datetime
) -> MeetingRow:
    async with ctx.unit_of_work() as uow:
        row = await visible_meeting(uow, staff, meeting_id, lock=True)
        before = meeting_of(row)
        consents = await uow.projections.consents(row.tenant, row.pupil_id)
        moved = planning.reschedule_meeting(
            before, TimeSlot(starts_at, ends_at), consents, ctx.now()
        )
        apply_meeting(row, moved)
        row.revision += 1
        row.scheduled_at = ctx.now()
        event = payloads.rescheduled(
            row, before.slot.starts_at, before.slot.ends_at, RescheduleReason.NEW_TIME
        )
        await uow.emit(event, **facts(row, Cause(staff.actor), ctx.now()))
    return row


async def cancel(
    ctx: Context, staff: StaffPrincipal, meeting_id: UUID, reason: CancelReason
) -> MeetingRow:
    async with ctx.unit_of_work() as uow:
        row = await visible_meeting(uow, staff, meeting_id, lock=True)
        apply_meeting(row, planning.cancel_meeting(meeting_of(row), reason))
        row.revision += 1
        await uow.emit(payloads.cancelled(row, reason), **facts(row, Cause(staff.actor), ctx.now()))
    return row


async def _request(
    uow: UnitOfWork, staff: StaffPrincipal, cmd: PlanMeeting, *, allow_left: bool = False
) -> tuple[Pupil, planning.MeetingRequest]:
    pupil = await visible_pupil(uow, staff, cmd.pupil_id)
    await note_caller(uow, staff)
    if pupil.left_on is not None and not allow_left:
        raise PupilHasLeft(pupil.pupil_id)
    members = await _staff_members(uow, pupil.tenant, cmd.staff_ids)
    await _check_evaluation_subjects(uow, pupil, cmd)
    request = planning.MeetingRequest(
        meeting_id=cmd.meeting_id,
        kind=cmd.kind,
        slot=TimeSlot(cmd.starts_at, cmd.ends_at),
        staff=members,
        include_pupil=cmd.include_pupil,
        interpreter=cmd.interpreter,
        evaluates_opp_id=cmd.evaluates_opp_id,
        evaluates_agreement_ids=cmd.evaluates_agreement_ids,
        location=cmd.location,
    )
    return pupil, request


async def _staff_members(
    uow: UnitOfWork, tenant: str, ids: Iterable[UUID]
) -> tuple[StaffMember, ...]:
    """From the staff directory of this tenant; anyone else is not known here."""
    wanted = tuple(ids)
    rows = await uow.projections.staff_members(tenant, wanted)
    for person_id in wanted:
        if person_id not in rows:
            raise ParticipantFromAnotherTenant(person_id)
    return tuple(
        StaffMember(
            rows[p].person_id,
            ParticipantRole(rows[p].role),
            tenant_uuid(tenant),
            frozenset(rows[p].school_ids),
        )
        for p in wanted
    )


async def _check_evaluation_subjects(uow: UnitOfWork, pupil: Pupil, cmd: PlanMeeting) -> None:
    if cmd.evaluates_opp_id is not None:
        opp = await uow.opps.of_pupil(pupil.tenant, pupil.pupil_id, cmd.evaluates_opp_id)
        if opp is None:
            raise EvaluationSubjectUnknown(cmd.evaluates_opp_id)
        if opp.closed_on is not None:
            raise OppClosed(opp.opp_id)
    found = await uow.records.agreements_of_pupil(
        pupil.tenant, pupil.pupil_id, cmd.evaluates_agreement_ids
    )
    for agreement_id in sorted(cmd.evaluates_agreement_ids - found.keys()):
        raise EvaluationSubjectUnknown(agreement_id)
