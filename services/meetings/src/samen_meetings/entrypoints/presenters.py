"""Rows and details to the API's response bodies."""

from __future__ import annotations

from uuid import UUID

from samen_kit.presenting import present

from samen_meetings.adapters.mapping import hold_reason_of, participant_of, utc
from samen_meetings.adapters.tables import AgreementRow
from samen_meetings.domain.invitation import Answer
from samen_meetings.domain.kinds import MeetingKind
from samen_meetings.domain.meeting import CancelReason, LocationKind, MeetingStatus
from samen_meetings.entrypoints import schemas as s
from samen_meetings.handlers.views import (
    MeetingDetails,
    OppDetails,
    PupilDetails,
    RecordDetails,
)


def meeting_out(details: MeetingDetails) -> s.MeetingOut:
    row = details.meeting
    return s.MeetingOut(
        meeting_id=row.meeting_id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        kind=MeetingKind(row.kind),
        status=MeetingStatus(row.status),
        planned=row.planned,
        starts_at=utc(row.starts_at),
        ends_at=utc(row.ends_at),
        location_kind=LocationKind(row.location_kind),
        interpreter=s.InterpreterOut(
            needed=row.interpreter_needed, language=row.interpreter_language
        ),
        participants=[_participant(p) for p in row.participants],
        revision=row.revision,
        hold_reasons=[_hold(h) for h in row.hold_reasons],
        cancel_reason=CancelReason(row.cancel_reason) if row.cancel_reason else None,
        evaluates_opp_id=row.evaluates_opp_id,
        evaluates_agreement_ids=[UUID(a) for a in row.evaluates_agreement_ids],
        opp_disputes=list(details.opp_disputes),
        answers=[
            s.AnswerOut(
                guardian_id=a.guardian_id,
                answer=Answer(a.answer),
                note=a.note,
                revision=a.revision,
                answered_at=utc(a.answered_at),
            )
            for a in details.answers
        ],
        record_id=details.record_id,
    )


def _participant(data: dict[str, str]) -> s.ParticipantOut:
    p = participant_of(data)
    return s.ParticipantOut(person_id=p.person_id, role=p.role)


def _hold(data: dict[str, str | None]) -> s.HoldOut:
    h = hold_reason_of(data)
    return s.HoldOut(purpose=h.purpose, gap=h.gap, role=h.role)


def agreement_out(row: AgreementRow) -> s.AgreementOut:
    return present(s.AgreementOut, row)


def record_out(details: RecordDetails) -> s.RecordOut:
    row = details.record
    return s.RecordOut(
        record_id=row.record_id,
        meeting_id=row.meeting_id,
        pupil_id=row.pupil_id,
        recorded_by=row.recorded_by,
        recorded_at=utc(row.recorded_at),
        attended=[_participant(p) for p in row.attended],
        strengths=row.strengths,
        concerns=row.concerns,
        guardian_view=row.guardian_view,
        guardian_support_needs=row.guardian_support_needs,
        goals=row.goals,
        next_steps=row.next_steps,
        agreements=[agreement_out(a) for a in details.agreements],
        acknowledgements=[
            s.AcknowledgementOut(guardian_id=a.guardian_id, acknowledged_at=utc(a.acknowledged_at))
            for a in details.acknowledgements
        ],
        parent_comments=[
            s.CommentOut(
                comment_id=c.comment_id,
                guardian_id=c.guardian_id,
                text=c.text,
                added_at=utc(c.added_at),
            )
            for c in details.comments
        ],
    )


def opp_out(details: OppDetails) -> s.OppOut:
    row = details.opp
    return present(
        s.OppOut,
        row,
        evaluation_due_on=row.evaluation_due_on if row.closed_on is None else None,
        contested=bool(details.dispute_ids),
        dispute_ids=list(details.dispute_ids),
    )


def pupil_out(details: PupilDetails) -> s.PupilOut:
    row = details.pupil
    return present(
        s.PupilOut,
        row,
        guardians=[
            s.GuardianOut(guardian_id=g, standing=standing)
            for g, standing in sorted(details.guardians.items())
        ],
        consents=[
            s.ConsentOut(purpose=purpose, status=state.status, valid_until=state.valid_until)
            for purpose, state in sorted(details.consents.by_purpose.items())
        ],
        opps=[opp_out(o) for o in details.opps],
    )
