"""The service's tables. Free text (descriptions, reasons, notes) lives here and nowhere else.

Every row carries its `tenant`; rows about a pupil carry `school_id` and `board_id`,
so `samen_kit.tenancy.scoped` narrows any query to what a staff member may see.
"""

from datetime import date, datetime
from typing import Any
from uuid import UUID

from samen_kit.fields import instant_field, jsonb_field, text_field
from samen_kit.retention.tables import attach_retention_tables
from samen_kit.roster import attach_roster_tables
from sqlalchemy import Index, text
from sqlmodel import Field

from samen_disputes.adapters.base import DisputesTable

# Pupils and their guardians: the kit's roster projection, in this database too.
ROSTER_TABLES = attach_roster_tables(DisputesTable.metadata)


class OppRow(DisputesTable, table=True):
    """Projection of the plans service's OPPs, so a dispute about the OPP names it.
    `action_part_version`: the latest version written (None until the first)."""

    __tablename__ = "opp"

    tenant: str = Field(primary_key=True, max_length=128)
    opp_id: UUID = Field(primary_key=True)
    pupil_id: UUID = Field(index=True)
    started_on: date
    action_part_version: int | None = None


class DisputeRow(DisputesTable, table=True):
    __tablename__ = "dispute"
    __table_args__ = (Index("dispute_open", "tenant", postgresql_where=text("ending IS NULL")),)

    id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=128)
    school_id: UUID = Field(index=True)
    board_id: str | None = Field(default=None, max_length=128)
    pupil_id: UUID = Field(index=True)
    subject: str = Field(max_length=64)
    opened_by: str = Field(max_length=16)
    opener_actor: str = Field(max_length=200)
    description: str = text_field(required=True)
    decision_date: date | None = None
    opp_id: UUID | None = None
    opened_at: datetime = instant_field()
    last_moved_at: datetime = instant_field()
    tracks: list[dict[str, Any]] = jsonb_field()
    ending: str | None = Field(default=None, max_length=16)
    outcome: str | None = Field(default=None, max_length=32)
    ended_at: datetime | None = instant_field(nullable=True)


class OfADispute(DisputesTable):
    """The columns a row of a dispute's history opens with (not a table of its own)."""

    id: UUID = Field(primary_key=True)
    dispute_id: UUID = Field(foreign_key="dispute.id", index=True)
    tenant: str = Field(max_length=128)


class MoveRow(OfADispute, table=True):
    """Who made which move, when and why."""

    __tablename__ = "dispute_move"

    move: str = Field(max_length=64)
    kind: str = Field(max_length=32)
    actor: str = Field(max_length=200)
    at: datetime = instant_field()
    reason: str | None = text_field(nullable=True)
    outcome: str | None = Field(default=None, max_length=32)
    advice: str | None = Field(default=None, max_length=32)
    departs_from_advice: bool = False
    stages_before: list[str] = jsonb_field()
    stages_after: list[str] = jsonb_field()


class NoteRow(OfADispute, table=True):
    __tablename__ = "dispute_note"

    author: str = Field(max_length=200)
    side: str = Field(max_length=16)
    at: datetime = instant_field()
    text: str = text_field(required=True)


class TenantConfigRow(DisputesTable, table=True):
    """A tenant's moves table and terms; a tenant without a row uses the defaults."""

    __tablename__ = "tenant_config"

    tenant: str = Field(primary_key=True, max_length=128)
    rules: dict[str, Any] = jsonb_field()
    deadlines: dict[str, Any] = jsonb_field()
    consultants_contact: str = Field(max_length=200)
    updated_at: datetime = instant_field()


class DueEmittedRow(DisputesTable, table=True):
    """Keys of deadline events already written, so a sweep skips them cheaply."""

    __tablename__ = "due_emitted"

    key: str = Field(primary_key=True, max_length=200)
    dispute_id: UUID = Field(index=True)
    event_id: UUID
    emitted_at: datetime = instant_field()


class SchoolKindRow(DisputesTable, table=True):
    """Whether a school is public or private, as its board says; a school without a row
    counts as public (`SchoolKind`)."""

    __tablename__ = "school_kind"

    tenant: str = Field(primary_key=True, max_length=128)
    school_id: UUID = Field(primary_key=True)
    kind: str = Field(max_length=16)
    updated_at: datetime = instant_field()


# The kit's retention tables, created by this service's revision 0007.
RETENTION_TABLES = attach_retention_tables(DisputesTable.metadata)
