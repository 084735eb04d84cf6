"""Staff routes for records and agreements."""

from __future__ import annotations

from uuid import UUID, uuid4

from fastapi import APIRouter, status

from samen_meetings.domain.record import AgreementDraft, RecordDraft
from samen_meetings.entrypoints.deps import CanRead, CanReadRecords, CanRecord, Ctx
from samen_meetings.entrypoints.presenters import agreement_out, record_out
from samen_meetings.entrypoints.schemas import AgreementOut, RecordIn, RecordOut
from samen_meetings.handlers import records, views
from samen_meetings.handlers.context import staff_person_id

router = APIRouter(tags=["records"])


def _draft(body: RecordIn, recorded_by: UUID) -> RecordDraft:
    return RecordDraft(
        record_id=uuid4(),
        recorded_by=recorded_by,
        attended_ids=frozenset(body.attended_ids),
        strengths=tuple(body.strengths),
        concerns=tuple(body.concerns),
        goals=tuple(body.goals),
        next_steps=tuple(body.next_steps),
        guardian_view=body.guardian_view,
        guardian_support_needs=body.guardian_support_needs,
        agreements=tuple(
            AgreementDraft(uuid4(), a.what, a.responsible_id, a.due_on, a.evaluate_on)
            for a in body.agreements
        ),
    )


@router.post(
    "/meetings/{meeting_id}/record",
    status_code=status.HTTP_201_CREATED,
    response_model=RecordOut,
)
async def write_record(meeting_id: UUID, body: RecordIn, staff: CanRecord, ctx: Ctx) -> RecordOut:
    """The record: strengths and concerns (both, always), the parents' view and support
    needs, goals, agreements and next steps. An evaluation meeting's record is the
    evaluation: the agreements' next cycle starts on the meeting's date; the OPP's
    evaluation goes to the plans service (`MeetingRecorded.evaluated_opp_id`)."""
    row = await records.write_record(ctx, staff, meeting_id, _draft(body, staff_person_id(staff)))
    return record_out(await views.record(ctx, staff, row.record_id))


@router.get("/meetings/{meeting_id}/record", response_model=RecordOut)
async def record_of_meeting(meeting_id: UUID, staff: CanReadRecords, ctx: Ctx) -> RecordOut:
    return record_out(await views.record_of_meeting(ctx, staff, meeting_id))


@router.get("/records/{record_id}", response_model=RecordOut)
async def get_record(record_id: UUID, staff: CanReadRecords, ctx: Ctx) -> RecordOut:
    return record_out(await views.record(ctx, staff, record_id))


@router.get("/agreements", response_model=list[AgreementOut])
async def list_agreements(
    staff: CanRead, ctx: Ctx, pupil_id: UUID | None = None
) -> list[AgreementOut]:
    return [agreement_out(a) for a in await views.agreements(ctx, staff, pupil_id)]


@router.get("/agreements/{agreement_id}", response_model=AgreementOut)
async def get_agreement(agreement_id: UUID, staff: CanRead, ctx: Ctx) -> AgreementOut:
    return agreement_out(await views.agreement(ctx, staff, agreement_id))
