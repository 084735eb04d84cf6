"""Rows and details to the API's response bodies."""

from __future__ import annotations

from uuid import UUID

from samen_meetings.adapters.mapping import hold_reason_of, participant_of, utc
from samen_meetings.adapters.tables import AgreementRow
from samen_meetings.domain.invitation import Answer
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
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
    return s.AgreementOut(
        agreement_id=row.agreement_id,
        meeting_id=row.meeting_id,
        record_id=row.record_id,
        pupil_id=row.pupil_id,
        what=row.what,
        responsible_id=row.responsible_id,
        responsible_role=ParticipantRole(row.responsible_role),
        due_on=row.due_on,
        evaluate_on=row.evaluate_on,
        evaluated_on=row.evaluated_on,
    )


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
    return s.OppOut(
        opp_id=row.opp_id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        started_on=row.started_on,
        opp_due_on=row.opp_due_on,
        version=row.version,
        set_version=row.set_version,
        set_on=row.set_on,
        evaluation_due_on=row.evaluation_due_on if row.closed_on is None else None,
        closed_on=row.closed_on,
        contested=bool(details.dispute_ids),
        dispute_ids=list(details.dispute_ids),
    )


def pupil_out(details: PupilDetails) -> s.PupilOut:
    row = details.pupil
    return s.PupilOut(
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        enrolled_on=row.enrolled_on,
        left_on=row.left_on,
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
