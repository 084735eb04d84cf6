"""The meetings service's own tables. Free text (records, notes, comments) lives only here.

Every row carries `tenant` (and `school_id` where it belongs to a school), so that
`samen_kit.tenancy.scoped` narrows every staff query.
"""

from __future__ import annotations

from datetime import date, datetime, time
from uuid import UUID

from samen_kit.fields import instant_field, jsonb_field, text_field
from samen_kit.retention.tables import attach_retention_tables
from sqlalchemy import Index, text
from sqlmodel import Field

from samen_meetings.adapters.base import MeetingsTable


class MeetingRow(MeetingsTable, table=True):
    __tablename__ = "meeting"
    __table_args__ = (
        # The reminder scan: scheduled meetings by start.
        Index(
            "meeting_scheduled_start", "starts_at", postgresql_where=text("status = 'scheduled'")
        ),
        Index("meeting_pupil", "tenant", "pupil_id"),
    )

    meeting_id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=128)
    school_id: UUID
    pupil_id: UUID
    kind: str = Field(max_length=32)
    status: str = Field(max_length=16)
    planned: bool
    starts_at: datetime = instant_field(required=True)
    ends_at: datetime = instant_field(required=True)
    location_kind: str = Field(max_length=16)
    interpreter_needed: bool = False
    interpreter_language: str | None = Field(default=None, max_length=35)
    participants: list[dict[str, str]] = jsonb_field(list)
    evaluates_opp_id: UUID | None = None
    evaluates_agreement_ids: list[str] = jsonb_field(list)
    hold_reasons: list[dict[str, str | None]] = jsonb_field(list)
    cancel_reason: str | None = Field(default=None, max_length=32)
    revision: int = 0
    # When the meeting got its current time (a reminder is only due if it was known then).
    scheduled_at: datetime = instant_field(required=True)
    # The start a reminder went out for; a new time makes it due again.
    reminded_for: datetime | None = instant_field(nullable=True)
    created_by: str = Field(max_length=200)


class InvitationAnswerRow(MeetingsTable, table=True):
    __tablename__ = "invitation_answer"

    answer_id: UUID = Field(primary_key=True)
    meeting_id: UUID = Field(index=True)
    tenant: str = Field(max_length=128)
    guardian_id: UUID
    answer: str = Field(max_length=16)
    note: str = text_field(default="")
    revision: int
    answered_at: datetime = instant_field(required=True)


class MeetingRecordRow(MeetingsTable, table=True):
    __tablename__ = "meeting_record"

    record_id: UUID = Field(primary_key=True)
    meeting_id: UUID = Field(unique=True)
    tenant: str = Field(max_length=128)
    school_id: UUID
    pupil_id: UUID
    recorded_by: UUID
    recorded_at: datetime = instant_field(required=True)
    attended: list[dict[str, str]] = jsonb_field(list)
    strengths: list[str] = jsonb_field(list)
    concerns: list[str] = jsonb_field(list)
    guardian_view: str = text_field(default="")
    guardian_support_needs: str = text_field(default="")
    goals: list[str] = jsonb_field(list)
    next_steps: list[str] = jsonb_field(list)
    agreement_ids: list[str] = jsonb_field(list)


class AgreementRow(MeetingsTable, table=True):
    __tablename__ = "agreement"
    __table_args__ = (
        Index(
            "agreement_to_evaluate", "evaluate_on", postgresql_where=text("evaluated_on IS NULL")
        ),
    )

    agreement_id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=128)
    school_id: UUID
    pupil_id: UUID = Field(index=True)
    meeting_id: UUID
    record_id: UUID
    what: str = text_field(required=True)
    responsible_id: UUID
    responsible_role: str = Field(max_length=32)
    due_on: date
    evaluate_on: date
    evaluated_on: date | None = None
    # evaluation_due / evaluation_overdue: what the scan last reported for it.
    notified_kind: str | None = Field(default=None, max_length=32)


class RecordAcknowledgementRow(MeetingsTable, table=True):
    __tablename__ = "record_acknowledgement"

    record_id: UUID = Field(primary_key=True)
    guardian_id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=128)
    acknowledged_at: datetime = instant_field(required=True)


class ParentCommentRow(MeetingsTable, table=True):
    """Kept beside the record, never merged into it."""

    __tablename__ = "parent_comment"

    comment_id: UUID = Field(primary_key=True)
    record_id: UUID = Field(index=True)
    tenant: str = Field(max_length=128)
    guardian_id: UUID
    text: str = text_field(required=True)
    added_at: datetime = instant_field(required=True)


class TenantSettingsRow(MeetingsTable, table=True):
    """Only tenants that changed a default have a row."""

    __tablename__ = "tenant_settings"

    tenant: str = Field(primary_key=True, max_length=128)
    agreement_lead_days: int
    reminder_local_time: time


# The kit's retention tables, created by this service's revision 0006.
RETENTION_TABLES = attach_retention_tables(MeetingsTable.metadata)
