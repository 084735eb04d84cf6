"""Contract events built from the service's rows and domain values: ids and structured
facts only, never the record's text, a note or a comment."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from samen_contract.events import meetings as ev

from samen_meetings.adapters.mapping import meeting_of, utc
from samen_meetings.adapters.tables import MeetingRow
from samen_meetings.domain.consent_gate import HoldReason
from samen_meetings.domain.invitation import InvitationAnswer, invited_guardians
from samen_meetings.domain.meeting import CancelReason, Meeting, Participant
from samen_meetings.domain.parent_response import ParentComment, RecordAcknowledgement
from samen_meetings.domain.record import Agreement, RecordedMeeting


def _common(row: MeetingRow, meeting: Meeting) -> dict[str, Any]:
    return {
        "meeting_id": meeting.meeting_id,
        "pupil_id": meeting.pupil_id,
        "school_id": meeting.school_id,
        "kind": ev.MeetingKind(meeting.kind.value),
        "starts_at": meeting.slot.starts_at,
        "ends_at": meeting.slot.ends_at,
        "revision": row.revision,
        "guardian_ids": tuple(sorted(invited_guardians(meeting))),
    }


def _practical(meeting: Meeting) -> dict[str, Any]:
    return {
        "location_kind": ev.LocationKind(meeting.location.value),
        "interpreter_needed": meeting.interpreter.needed,
        "interpreter_language": meeting.interpreter.language,
    }


def participants(people: Iterable[Participant]) -> tuple[ev.MeetingParticipant, ...]:
    return tuple(
        ev.MeetingParticipant(person_id=p.person_id, role=ev.ParticipantRole(p.role.value))
        for p in people
    )


def scheduled(row: MeetingRow) -> ev.MeetingScheduled:
    meeting = meeting_of(row)
    return ev.MeetingScheduled(
        **_common(row, meeting),
        **_practical(meeting),
        participants=participants(meeting.participants),
        evaluates_opp_id=meeting.evaluates_opp_id,
        evaluates_agreement_ids=tuple(sorted(meeting.evaluates_agreement_ids)),
    )


def rescheduled(
    row: MeetingRow, previous_start: datetime, previous_end: datetime, reason: ev.RescheduleReason
) -> ev.MeetingRescheduled:
    meeting = meeting_of(row)
    return ev.MeetingRescheduled(
        **_common(row, meeting),
        **_practical(meeting),
        previous_starts_at=previous_start,
        previous_ends_at=previous_end,
        reason=reason,
    )


def cancelled(row: MeetingRow, reason: CancelReason) -> ev.MeetingCancelled:
    return ev.MeetingCancelled(
        **_common(row, meeting_of(row)), reason=ev.CancelReason(reason.value)
    )


def on_hold(row: MeetingRow, reasons: tuple[HoldReason, ...]) -> ev.MeetingOnHold:
    holds = tuple(
        ev.HoldReason(
            purpose=r.purpose.value,
            gap=ev.ConsentGap(r.gap.value),
            role=ev.ParticipantRole(r.role.value) if r.role else None,
        )
        for r in reasons
    )
    return ev.MeetingOnHold(**_common(row, meeting_of(row)), holds=holds)


def reminder(row: MeetingRow) -> ev.MeetingReminderDue:
    meeting = meeting_of(row)
    return ev.MeetingReminderDue(**_common(row, meeting), **_practical(meeting))


def answered(row: MeetingRow, answer: InvitationAnswer) -> ev.InvitationAnswered:
    return ev.InvitationAnswered(
        meeting_id=row.meeting_id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        guardian_id=answer.guardian_id,
        answer=ev.InvitationAnswer(answer.answer.value),
        revision=row.revision,
        with_note=bool(answer.note),
    )


def recorded(row: MeetingRow, result: RecordedMeeting) -> ev.MeetingRecorded:
    meeting, record = result.meeting, result.record
    return ev.MeetingRecorded(
        meeting_id=meeting.meeting_id,
        record_id=record.record_id,
        pupil_id=meeting.pupil_id,
        school_id=meeting.school_id,
        kind=ev.MeetingKind(meeting.kind.value),
        planned=meeting.planned,
        starts_at=utc(meeting.slot.starts_at),
        held_on=meeting.local_date,
        attended=participants(record.attended),
        guardian_ids=tuple(sorted(invited_guardians(meeting))),
        strength_count=len(record.strengths),
        concern_count=len(record.concerns),
        goal_count=len(record.goals),
        next_step_count=len(record.next_steps),
        agreement_ids=record.agreement_ids,
        evaluated_opp_id=meeting.evaluates_opp_id,
        evaluated_agreement_ids=tuple(sorted(meeting.evaluates_agreement_ids)),
    )


def agreement_made(agreement: Agreement, record_id: UUID, school_id: UUID) -> ev.AgreementMade:
    return ev.AgreementMade(
        agreement_id=agreement.agreement_id,
        meeting_id=agreement.meeting_id,
        record_id=record_id,
        pupil_id=agreement.pupil_id,
        school_id=school_id,
        responsible_id=agreement.responsible.person_id,
        responsible_role=ev.ParticipantRole(agreement.responsible.role.value),
        due_on=agreement.due_on,
        evaluate_on=agreement.evaluate_on,
    )


def acknowledged(
    ack: RecordAcknowledgement, meeting_id: UUID, pupil_id: UUID, school_id: UUID
) -> ev.RecordAcknowledged:
    return ev.RecordAcknowledged(
        record_id=ack.record_id,
        meeting_id=meeting_id,
        pupil_id=pupil_id,
        school_id=school_id,
        guardian_id=ack.guardian_id,
    )


def commented(
    comment: ParentComment, meeting_id: UUID, pupil_id: UUID, school_id: UUID
) -> ev.ParentCommentAdded:
    return ev.ParentCommentAdded(
        comment_id=comment.comment_id,
        record_id=comment.record_id,
        meeting_id=meeting_id,
        pupil_id=pupil_id,
        school_id=school_id,
        guardian_id=comment.guardian_id,
    )
