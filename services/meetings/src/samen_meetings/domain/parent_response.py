"""Parents read the record, acknowledge it and may comment.

Both are kept beside the record, never merged into it: the record stays what staff
wrote, the comment stays what the parent wrote, each with its own author and time.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from samen_meetings.domain.errors import EmptyComment, NotAGuardianOfPupil, TextTooLong
from samen_meetings.domain.local_time import as_utc
from samen_meetings.domain.record import MAX_TEXT_LENGTH, MeetingRecord


@dataclass(frozen=True, slots=True)
class RecordAcknowledgement:
    record_id: UUID
    guardian_id: UUID
    acknowledged_at: datetime


@dataclass(frozen=True, slots=True)
class ParentComment:
    comment_id: UUID
    record_id: UUID
    guardian_id: UUID
    text: str
    added_at: datetime


def acknowledge_record(
    record: MeetingRecord,
    guardian_id: UUID,
    guardian_ids: Collection[UUID],
    already_acknowledged_by: Collection[UUID],
    now: datetime,
) -> RecordAcknowledgement | None:
    """A new acknowledgement, or None when this guardian already acknowledged the record.

    `guardian_ids`: the pupil's guardians who may read the record (from the projection).
    """
    if guardian_id not in guardian_ids:
        raise NotAGuardianOfPupil(guardian_id)
    if guardian_id in already_acknowledged_by:
        return None
    return RecordAcknowledgement(record.record_id, guardian_id, as_utc(now, "now"))


def add_parent_comment(
    record: MeetingRecord,
    comment_id: UUID,
    guardian_id: UUID,
    text: str,
    guardian_ids: Collection[UUID],
    now: datetime,
) -> ParentComment:
    if guardian_id not in guardian_ids:
        raise NotAGuardianOfPupil(guardian_id)
    cleaned = text.strip()
    if not cleaned:
        raise EmptyComment()
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise TextTooLong("comment", MAX_TEXT_LENGTH)
    return ParentComment(comment_id, record.record_id, guardian_id, cleaned, as_utc(now, "now"))
