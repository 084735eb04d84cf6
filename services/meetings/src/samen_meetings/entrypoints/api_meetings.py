"""Staff routes for meetings: plan, register afterwards, reschedule, cancel, read, .ics."""

from __future__ import annotations

from uuid import UUID, uuid4

from fastapi import APIRouter, Response, status

from samen_meetings.domain.meeting import InterpreterNeed
from samen_meetings.entrypoints.deps import CanPlan, CanRead, CanRecord, Ctx
from samen_meetings.entrypoints.ical import CONTENT_TYPE, meeting_calendar
from samen_meetings.entrypoints.presenters import meeting_out
from samen_meetings.entrypoints.schemas import CancelIn, MeetingIn, MeetingOut, RescheduleIn
from samen_meetings.handlers import planning, views

router = APIRouter(prefix="/meetings", tags=["meetings"])


def _command(body: MeetingIn) -> planning.PlanMeeting:
    return planning.PlanMeeting(
        meeting_id=uuid4(),
        pupil_id=body.pupil_id,
        kind=body.kind,
        starts_at=body.starts_at,
        ends_at=body.ends_at,
        staff_ids=tuple(body.staff_ids),
        include_pupil=body.include_pupil,
        interpreter=InterpreterNeed(body.interpreter_needed, body.interpreter_language),
        location=body.location_kind,
        evaluates_opp_id=body.evaluates_opp_id,
        evaluates_agreement_ids=frozenset(body.evaluates_agreement_ids),
    )


@router.post("", status_code=status.HTTP_201_CREATED, response_model=MeetingOut)
async def plan_meeting(body: MeetingIn, staff: CanPlan, ctx: Ctx) -> MeetingOut:
    """Plan a meeting; the pupil's guardians with parental authority are always invited."""
    row = await planning.plan_meeting(ctx, staff, _command(body))
    return meeting_out(await views.meeting(ctx, staff, row.meeting_id))


@router.post("/unplanned", status_code=status.HTTP_201_CREATED, response_model=MeetingOut)
async def register_unplanned_meeting(body: MeetingIn, staff: CanRecord, ctx: Ctx) -> MeetingOut:
    """A conversation that already took place, so that its record can be written."""
    row = await planning.register_unplanned(ctx, staff, _command(body))
    return meeting_out(await views.meeting(ctx, staff, row.meeting_id))


@router.get("", response_model=list[MeetingOut])
async def list_meetings(staff: CanRead, ctx: Ctx, pupil_id: UUID | None = None) -> list[MeetingOut]:
    return [meeting_out(d) for d in await views.meetings(ctx, staff, pupil_id)]


@router.get("/{meeting_id}", response_model=MeetingOut)
async def get_meeting(meeting_id: UUID, staff: CanRead, ctx: Ctx) -> MeetingOut:
    return meeting_out(await views.meeting(ctx, staff, meeting_id))


@router.post("/{meeting_id}/reschedule", response_model=MeetingOut)
async def reschedule_meeting(
    meeting_id: UUID, body: RescheduleIn, staff: CanPlan, ctx: Ctx
) -> MeetingOut:
    await planning.reschedule(ctx, staff, meeting_id, body.starts_at, body.ends_at)
    return meeting_out(await views.meeting(ctx, staff, meeting_id))


@router.post("/{meeting_id}/cancel", response_model=MeetingOut)
async def cancel_meeting(meeting_id: UUID, body: CancelIn, staff: CanPlan, ctx: Ctx) -> MeetingOut:
    await planning.cancel(ctx, staff, meeting_id, body.reason)
    return meeting_out(await views.meeting(ctx, staff, meeting_id))


@router.get(
    "/{meeting_id}/calendar.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
async def meeting_calendar_file(meeting_id: UUID, staff: CanRead, ctx: Ctx) -> Response:
    details = await views.meeting(ctx, staff, meeting_id)
    return Response(meeting_calendar(details.meeting, ctx.now()), media_type=CONTENT_TYPE)
