"""Consent changes after planning: a planned meeting goes on hold, and comes back.

The service calls `hold_for_consent` for each of the pupil's scheduled meetings when a
`ConsentWithdrawn`, `ConsentExpired` or `ConsentRefused` arrives (→ `MeetingOnHold`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from samen_meetings.domain.consent_gate import PupilConsents
from samen_meetings.domain.errors import ConsentRequired, MeetingNotOnHold, StartInPast
from samen_meetings.domain.local_time import as_utc
from samen_meetings.domain.meeting import Meeting, MeetingStatus
from samen_meetings.domain.planning import gate


def hold_for_consent(meeting: Meeting, consents: PupilConsents, now: datetime) -> Meeting | None:
    """The meeting on hold if the gate no longer allows it; None when nothing changes.

    Only a scheduled meeting that has not started yet goes on hold: one that already took
    place keeps its place, its record can still be written.
    """
    if meeting.status is not MeetingStatus.SCHEDULED:
        return None
    if meeting.slot.starts_at <= as_utc(now, "now"):
        return None
    decision = gate(meeting, consents)
    if decision.allowed:
        return None
    return replace(meeting, status=MeetingStatus.ON_HOLD, hold_reasons=decision.reasons)


def resume_meeting(meeting: Meeting, consents: PupilConsents, now: datetime) -> Meeting:
    """A meeting on hold, scheduled again at its own time once consent is back."""
    if meeting.status is not MeetingStatus.ON_HOLD:
        raise MeetingNotOnHold(meeting.meeting_id)
    if meeting.slot.starts_at <= as_utc(now, "now"):
        raise StartInPast(meeting.slot.starts_at, now)
    decision = gate(meeting, consents)
    if not decision.allowed:
        raise ConsentRequired(decision.reasons)
    return replace(meeting, status=MeetingStatus.SCHEDULED, hold_reasons=())
