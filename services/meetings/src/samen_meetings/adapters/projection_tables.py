"""Local projections of other services' facts (consent, plans, disputes) and the staff
directory.

Built only from events (and staff's own tokens); never read from another service. Ids
that come from a school's roster are unique only within a tenant, so every projection
is keyed by (tenant, id): a second tenant importing the same pupil id gets rows of its
own instead of taking over the first tenant's. The pupils and their guardians are the
kit's roster projection (`samen_kit.roster`), attached to this service's metadata here.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from samen_kit.fields import instant_field
from samen_kit.roster import attach_roster_tables
from sqlalchemy import Column, Index, String, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PgUuid
from sqlmodel import Field

from samen_meetings.adapters.base import MeetingsTable

ROSTER_TABLES = attach_roster_tables(MeetingsTable.metadata)


class ConsentStateRow(MeetingsTable, table=True):
    """The latest consent fact per pupil and purpose; `valid_until` is the last valid day."""

    __tablename__ = "consent_state"

    tenant: str = Field(primary_key=True, max_length=128)
    pupil_id: UUID = Field(primary_key=True)
    purpose: str = Field(primary_key=True, max_length=64)
    status: str = Field(max_length=16)
    valid_until: date | None = None
    request_id: UUID


class StaffMemberRow(MeetingsTable, table=True):
    """Who may take part as staff: role and schools, from their own token or a colleague."""

    __tablename__ = "staff_member"

    tenant: str = Field(primary_key=True, max_length=128)
    person_id: UUID = Field(primary_key=True)
    role: str = Field(max_length=32)
    school_ids: list[UUID] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(PgUuid(as_uuid=True)), nullable=False, server_default="{}"),
    )


class OppDisputeRow(MeetingsTable, table=True):
    """An open dispute about a pupil's OPP (or its action part) marks it contested."""

    __tablename__ = "opp_dispute"
    __table_args__ = (
        Index("opp_dispute_open", "pupil_id", postgresql_where=text("closed_at IS NULL")),
    )

    dispute_id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=128)
    pupil_id: UUID
    opp_id: UUID | None = None
    subject: str = Field(sa_column=Column(String(64), nullable=False))
    opened_at: datetime = instant_field(required=True)
    closed_at: datetime | None = instant_field(nullable=True)


class OppRow(MeetingsTable, table=True):
    """An OPP as the plans service's facts describe it (`samen_meetings.domain.known_opp`).
    Keyed by (tenant, id), like every projection: another tenant's fact cannot take it over."""

    __tablename__ = "opp"
    __table_args__ = (Index("opp_pupil", "tenant", "pupil_id"),)

    tenant: str = Field(primary_key=True, max_length=128)
    opp_id: UUID = Field(primary_key=True)
    school_id: UUID
    pupil_id: UUID
    started_on: date
    opp_due_on: date | None = None
    version: int | None = None
    set_version: int | None = None
    set_on: date | None = None
    evaluation_due_on: date | None = None
    closed_on: date | None = None
