"""Write the record of a meeting: attendance, strengths and concerns, the parents' view,
goals, agreements and next steps; the agreements it evaluated start their next cycle.

The OPP it evaluated travels in `MeetingRecorded.evaluated_opp_id`: the plans service,
which owns the OPP's cycle, turns it into `EvaluationHeld`."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from samen_kit.access import StaffPrincipal

from samen_meetings.adapters.mapping import apply_meeting, meeting_of
from samen_meetings.adapters.tables import MeetingRecordRow
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.due import AgreementToEvaluate, record_agreement_evaluation
from samen_meetings.domain.errors import EvaluationSubjectUnknown, SecondRecord
from samen_meetings.domain.meeting import Meeting
from samen_meetings.domain.record import RecordDraft, record_meeting
from samen_meetings.handlers import payloads
from samen_meetings.handlers.context import Cause, Context, facts
from samen_meetings.handlers.lookups import visible_meeting


async def write_record(
    ctx: Context, staff: StaffPrincipal, meeting_id: UUID, draft: RecordDraft
) -> MeetingRecordRow:
    async with ctx.unit_of_work() as uow:
        row = await visible_meeting(uow, staff, meeting_id, lock=True)
        if await uow.records.for_meeting(row.meeting_id) is not None:
            raise SecondRecord(row.meeting_id)
        result = record_meeting(meeting_of(row), draft, ctx.now())
        await _evaluations(uow, row.tenant, result.meeting, ctx.today())
        apply_meeting(row, result.meeting)
        uow.records.add(
            result.record, result.agreements, tenant=row.tenant, school_id=row.school_id
        )
        cause = Cause(staff.actor)
        await uow.emit(payloads.recorded(row, result), **facts(row, cause, ctx.now()))
        for agreement in result.agreements:
            event = payloads.agreement_made(agreement, result.record.record_id, row.school_id)
            await uow.emit(event, **facts(row, cause, ctx.now()))
        await uow.flush()
        record = await uow.records.for_meeting(row.meeting_id)
    assert record is not None
    return record


async def _evaluations(uow: UnitOfWork, tenant: str, meeting: Meeting, today: date) -> None:
    """The meeting's date is the evaluation's date; a later cycle is never moved back."""
    opp_id = meeting.evaluates_opp_id
    if opp_id is not None and await uow.opps.of_pupil(tenant, meeting.pupil_id, opp_id) is None:
        raise EvaluationSubjectUnknown(opp_id)
    agreements = await uow.records.agreements_of_pupil(
        tenant, meeting.pupil_id, meeting.evaluates_agreement_ids, lock=True
    )
    for agreement_id in sorted(meeting.evaluates_agreement_ids):
        found = agreements.get(agreement_id)
        if found is None:
            raise EvaluationSubjectUnknown(agreement_id)
        value = AgreementToEvaluate(
            found.agreement_id, meeting.tenant_id, found.pupil_id, found.evaluate_on
        )
        record_agreement_evaluation(value, meeting.local_date, today)  # refuses a future date
        if found.evaluated_on is None or meeting.local_date > found.evaluated_on:
            uow.records.mark_evaluated(found, meeting.local_date)
