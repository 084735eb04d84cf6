"""The service's tables. The OPP's words and the groeidocument's texts live here and
nowhere else; the bus carries ids, dates, versions and hashes.

Every row carries its `tenant` (ids mean something only within it); rows about a pupil
carry `school_id` and `board_id`, so `samen_kit.tenancy.scoped` narrows a query to what
a staff member may see.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from samen_kit.fields import instant_field, jsonb_field, text_field
from samen_kit.retention.tables import attach_retention_tables
from samen_kit.roster import attach_roster_tables
from sqlalchemy import BigInteger, Column, Identity, Index, text
from sqlmodel import Field

from samen_plans.adapters.base import PlansTable

# Pupils and their guardians: the kit's roster projection, in this database too.
ROSTER_TABLES = attach_roster_tables(PlansTable.metadata)


class OppRow(PlansTable, table=True):
    """One OPP of one pupil, its status and its timers; one open OPP per pupil."""

    __tablename__ = "opp"
    __table_args__ = (
        Index(
            "opp_one_open_per_pupil",
            "tenant",
            "pupil_id",
            unique=True,
            postgresql_where=text("closed_on IS NULL"),
        ),
        # The timer scan's two halves (migration 0002).
        Index(
            "ix_opp_timer_opp_due",
            "opp_due_on",
            postgresql_where=text("closed_on IS NULL AND first_set_on IS NULL"),
        ),
        Index(
            "ix_opp_timer_evaluation_due",
            "evaluation_due_on",
            postgresql_where=text("closed_on IS NULL AND evaluation_due_on IS NOT NULL"),
        ),
    )

    tenant: str = Field(primary_key=True, max_length=128)
    opp_id: UUID = Field(primary_key=True)
    pupil_id: UUID
    school_id: UUID = Field(index=True)
    board_id: str | None = Field(default=None, max_length=128)
    support_started_on: date
    opp_due_on: date
    status: str = Field(max_length=16)
    latest_version: int = 0
    offered_version: int | None = None
    set_version: int | None = None
    first_set_on: date | None = None
    evaluation_due_on: date | None = None
    closed_on: date | None = None
    opp_reported: str | None = Field(default=None, max_length=32)
    evaluation_reported: str | None = Field(default=None, max_length=32)
    evaluation_reported_for: date | None = None
    created_by: str = Field(max_length=200)
    created_at: datetime = instant_field()


class OppVersionRow(PlansTable, table=True):
    """One version of the OPP's content, never changed once written."""

    __tablename__ = "opp_version"

    tenant: str = Field(primary_key=True, max_length=128)
    opp_id: UUID = Field(primary_key=True)
    version: int = Field(primary_key=True)
    basis: dict[str, Any] = jsonb_field()
    action_part: dict[str, Any] = jsonb_field()
    action_part_sha256: str = Field(max_length=64)
    written_by: str = Field(max_length=200)
    written_at: datetime = instant_field()
    offered_at: datetime | None = instant_field(nullable=True)
    answer_by: date | None = None


class ConsentLinkRow(PlansTable, table=True):
    """A consent request about one version's action part (from `ConsentRequested`), with
    the parties asked and how it ended."""

    __tablename__ = "consent_link"

    tenant: str = Field(primary_key=True, max_length=128)
    request_id: UUID = Field(primary_key=True)
    opp_id: UUID = Field(index=True)
    version: int
    sha256: str = Field(max_length=64)
    parties: list[dict[str, Any]] = jsonb_field()
    rule: str = Field(max_length=32)
    requested_at: datetime = instant_field()
    given: bool = False
    outcome: str | None = Field(default=None, max_length=16)
    outcome_at: datetime | None = instant_field(nullable=True)


class ConsentAnswerRow(PlansTable, table=True):
    """Each party's answers to a linked request, in order: the PDF's receipt."""

    __tablename__ = "consent_answer"

    tenant: str = Field(primary_key=True, max_length=128)
    event_id: UUID = Field(primary_key=True)
    request_id: UUID = Field(index=True)
    party_id: UUID
    party_role: str = Field(max_length=16)
    answer: str = Field(max_length=16)
    channel: str = Field(max_length=32)
    answered_at: datetime = instant_field()


class EvaluationRow(PlansTable, table=True):
    __tablename__ = "opp_evaluation"

    tenant: str = Field(primary_key=True, max_length=128)
    evaluation_id: UUID = Field(primary_key=True)
    opp_id: UUID = Field(index=True)
    school_id: UUID
    held_on: date
    with_parents: bool
    due_on: date | None = None  # the due date this evaluation answered
    guardians_present: list[str] = jsonb_field()
    guardians_declined: list[str] = jsonb_field()
    recorded_by: str = Field(max_length=200)
    recorded_at: datetime = instant_field()


class GroeidocumentEntryRow(PlansTable, table=True):
    """One entry of a pupil's groeidocument; its text is the writer's own words."""

    __tablename__ = "groeidocument_entry"

    tenant: str = Field(primary_key=True, max_length=128)
    entry_id: UUID = Field(primary_key=True)
    pupil_id: UUID = Field(index=True)
    school_id: UUID
    board_id: str | None = Field(default=None, max_length=128)
    kind: str = Field(max_length=32)
    text: str = text_field()
    test_name: str | None = Field(default=None, max_length=200)
    taken_on: date | None = None
    by_role: str = Field(max_length=16)
    author: str = Field(max_length=200)
    added_at: datetime = instant_field()
    # The order entries were written in (entries of one instant keep it too).
    position: int | None = Field(
        default=None, sa_column=Column(BigInteger, Identity(always=True), nullable=False)
    )


# The kit's retention tables, created by this service's revision 0002.
RETENTION_TABLES = attach_retention_tables(PlansTable.metadata)
