"""Meetings the domain tests start from: an hour's meeting at a new school of a new
tenant; each test says its kind, its start, who takes part and where it stands."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from samen_meetings.domain.kinds import MeetingKind
from samen_meetings.domain.meeting import Meeting, MeetingStatus, Participant, TimeSlot


def meeting_of(
    kind: MeetingKind,
    starts_at: datetime,
    participants: Iterable[Participant],
    *,
    status: MeetingStatus = MeetingStatus.SCHEDULED,
    pupil_id: UUID | None = None,
) -> Meeting:
    """An hour from `starts_at`, about `pupil_id` (a new pupil unless given)."""
    return Meeting(
        meeting_id=uuid4(),
        tenant_id=uuid4(),
        school_id=uuid4(),
        pupil_id=pupil_id or uuid4(),
        kind=kind,
        slot=TimeSlot(starts_at, starts_at + timedelta(hours=1)),
        participants=tuple(participants),
        status=status,
    )
