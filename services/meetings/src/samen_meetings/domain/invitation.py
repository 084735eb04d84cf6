"""Guardians answer an invitation: accept, decline, or ask for another time, with a note.

The note stays in this service; the answer's event carries only that there is one.
An answer is kept per guardian and revision; a later answer does not erase an earlier.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from samen_meetings.domain.errors import InvitationClosed, NotAGuardianOfPupil, TextTooLong
from samen_meetings.domain.kinds import ParticipantRole
from samen_meetings.domain.local_time import as_utc
from samen_meetings.domain.meeting import Meeting, MeetingStatus
from samen_meetings.domain.record import MAX_TEXT_LENGTH


class Answer(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    ANOTHER_TIME = "another_time"


@dataclass(frozen=True, slots=True)
class InvitationAnswer:
    answer_id: UUID
    meeting_id: UUID
    guardian_id: UUID
    answer: Answer
    note: str
    answered_at: datetime


def invited_guardians(meeting: Meeting) -> frozenset[UUID]:
    return frozenset(
        p.person_id for p in meeting.participants if p.role is ParticipantRole.GUARDIAN
    )


def answer_invitation(
    meeting: Meeting,
    answer_id: UUID,
    guardian_id: UUID,
    answer: Answer,
    note: str,
    now: datetime,
) -> InvitationAnswer:
    """Only an invited guardian answers, and only while the meeting is still to come."""
    at = as_utc(now, "now")
    if guardian_id not in invited_guardians(meeting):
        raise NotAGuardianOfPupil(guardian_id)
    if meeting.status is not MeetingStatus.SCHEDULED or meeting.slot.starts_at <= at:
        raise InvitationClosed(meeting.meeting_id)
    cleaned = note.strip()
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise TextTooLong("note", MAX_TEXT_LENGTH)
    return InvitationAnswer(answer_id, meeting.meeting_id, guardian_id, answer, cleaned, at)
