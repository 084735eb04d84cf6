"""The notifications service's tables. Contact points live here and nowhere else.

Every row carries its tenant; every query in the repositories is scoped by it.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from uuid import UUID

from samen_kit.access.used_tokens_sql import GuardianTokenUse
from samen_kit.retention.tables import RETENTION_TABLES
from samen_kit.roster import ROSTER_TABLES
from samen_kit.tables import KIT_TABLES
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel


def _now_column() -> Any:
    return Column(DateTime(timezone=True), nullable=False, server_default=func.now())


def _moment(nullable: bool = True) -> Any:
    return Field(default=None, sa_type=DateTime(timezone=True), nullable=nullable)


class GuardianContactRow(SQLModel, table=True):
    """Where and how to reach one guardian. Never on the bus, never in logs."""

    __tablename__ = "guardian_contact"

    tenant: str = Field(primary_key=True, max_length=64)
    guardian_id: UUID = Field(primary_key=True)
    email: str | None = Field(default=None, max_length=254)
    mobile: str | None = Field(default=None, max_length=16)  # E.164
    language: str = Field(default="nl", max_length=35)
    # {message kind: [channels]}; a kind left out means "any channel".
    channel_choices: dict[str, list[str]] = Field(
        default_factory=dict, sa_column=Column(JSONB, nullable=False, server_default="{}")
    )
    quiet_start: time | None = None
    quiet_end: time | None = None
    do_not_contact: bool = False
    updated_at: datetime = Field(sa_column=_now_column())


class StaffContactRow(SQLModel, table=True):
    __tablename__ = "staff_contact"

    tenant: str = Field(primary_key=True, max_length=64)
    staff_id: UUID = Field(primary_key=True)
    role: str = Field(max_length=32)
    school_ids: list[UUID] = Field(
        default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False, server_default="{}")
    )
    email: str = Field(max_length=254)
    name: str | None = Field(default=None, max_length=120)
    updated_at: datetime = Field(sa_column=_now_column())


class PupilNameRow(SQLModel, table=True):
    """A pupil's first name from the roster import, for the greeting of a message; where
    the pupil is enrolled and who their guardians are is the kit's roster projection
    (`samen_kit.roster`)."""

    __tablename__ = "pupil_name"

    tenant: str = Field(primary_key=True, max_length=64)
    pupil_id: UUID = Field(primary_key=True)
    first_name: str | None = Field(default=None, max_length=100)


class SchoolRow(SQLModel, table=True):
    """A school's public details, for the signature of a message."""

    __tablename__ = "school"

    tenant: str = Field(primary_key=True, max_length=64)
    school_id: UUID = Field(primary_key=True)
    board_id: UUID | None = Field(default=None, index=True)
    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254)
    address: str | None = Field(default=None, max_length=300)


class ItemStateRow(SQLModel, table=True):
    """What this service knows of an item (a consent request): who must answer, who did,
    whether it is closed, so that no reminder goes out for an answered item."""

    __tablename__ = "item_state"

    tenant: str = Field(primary_key=True, max_length=64)
    kind: str = Field(primary_key=True, max_length=32)
    item_id: str = Field(primary_key=True, max_length=64)
    pupil_id: UUID | None = None
    facts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    guardian_parties: list[UUID] = Field(
        default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False, server_default="{}")
    )
    answered: list[UUID] = Field(
        default_factory=list, sa_column=Column(ARRAY(Uuid), nullable=False, server_default="{}")
    )
    closed: bool = False


class NotificationRow(SQLModel, table=True):
    """One per (cause, recipient): what one person is told about one thing."""

    __tablename__ = "notification"
    __table_args__ = (
        Index("notification_by_recipient", "tenant", "recipient_id", "status"),
        Index(
            "notification_waiting",
            "wait_until",
            postgresql_where=text("status = 'waiting'"),
        ),
        Index("notification_by_item", "tenant", "item_kind", "item_id"),
        Index("notification_by_pupil", "tenant", "pupil_id"),
    )

    id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=64)
    pupil_id: UUID | None = None
    school_id: UUID | None = None
    recipient_kind: str = Field(max_length=16)
    recipient_id: UUID
    rule_key: str = Field(max_length=128)
    template: str = Field(max_length=64)
    cause_id: UUID
    cause_type: str | None = Field(default=None, max_length=128)
    command: str | None = Field(default=None, max_length=32)
    correlation_id: str = Field(max_length=128)
    urgent: bool = False
    item_kind: str | None = Field(default=None, max_length=32)
    item_id: str | None = Field(default=None, max_length=64)
    facts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    status: str = Field(max_length=16)
    waiting_since: datetime = Field(sa_type=DateTime(timezone=True))
    wait_until: datetime | None = _moment()
    created_at: datetime = Field(sa_column=_now_column())


class MessageRow(SQLModel, table=True):
    """One per (cause, recipient, channel); the id is the message key, so the database
    itself refuses a second message for the same three."""

    __tablename__ = "message"
    __table_args__ = (
        UniqueConstraint("notification_id", "channel", name="message_once_per_channel"),
        Index(
            "message_due",
            "not_before",
            postgresql_where=text("status IN ('planned', 'sending')"),
        ),
        Index("message_by_provider_id", "provider_id"),
    )

    id: UUID = Field(primary_key=True)
    notification_id: UUID = Field(foreign_key="notification.id")
    tenant: str = Field(max_length=64)
    channel: str = Field(max_length=8)
    status: str = Field(max_length=16)
    not_before: datetime = Field(sa_type=DateTime(timezone=True))
    attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    lease_until: datetime | None = _moment()
    fallback: bool = False
    lang_used: str | None = Field(default=None, max_length=35)
    fell_back: bool | None = None
    provider_id: str | None = Field(default=None, max_length=64)
    segments: int | None = None
    sent_at: datetime | None = _moment()
    delivered_at: datetime | None = _moment()
    failed_at: datetime | None = _moment()
    failure_reason: str | None = Field(default=None, max_length=32)
    error_code: int | None = None
    # The planning event's trace (W3C traceparent): the send is a span in it.
    traceparent: str | None = Field(default=None, max_length=64)


class ShortLinkRow(SQLModel, table=True):
    """An SMS's short link: a code that redirects to the owning service's page."""

    __tablename__ = "short_link"

    code: str = Field(primary_key=True, max_length=16)
    message_id: UUID = Field(unique=True)
    tenant: str = Field(max_length=64)
    target_url: str = Field(sa_column=Column(Text, nullable=False))  # holds the token
    expires_at: datetime = Field(sa_type=DateTime(timezone=True))


class CounterRow(SQLModel, table=True):
    """Counts that staff and operators read at /v1/stats (language fallbacks, ...)."""

    __tablename__ = "counter"

    tenant: str = Field(primary_key=True, max_length=64)
    name: str = Field(primary_key=True, max_length=64)
    label: str = Field(primary_key=True, max_length=128)
    count: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))


class BroadcastRow(SQLModel, table=True):
    __tablename__ = "broadcast"

    id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=64, index=True)
    scope_kind: str = Field(max_length=16)  # school, board, tenant
    scope_id: UUID | None = None
    group_code: str | None = Field(default=None, max_length=32)  # one class group only
    sender_name: str = Field(max_length=200)
    # {language: {"subject": ..., "body": ..., "sms": ...}}, Dutch always present.
    texts: dict[str, dict[str, str]] = Field(sa_column=Column(JSONB, nullable=False))
    # The event invited to (`domain.evening.InvitedEvent.to_json`): the e-mail's .ics.
    event: dict[str, str] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    created_by: str = Field(max_length=160)
    recipients: int = 0
    created_at: datetime = Field(sa_column=_now_column())


class BulkOptOutRow(SQLModel, table=True):
    """A guardian who asked for no bulk messages (broadcasts); transactional ones still go
    (revision 0003_bulk_opt_out adds it to a database made before)."""

    __tablename__ = "bulk_opt_out"

    tenant: str = Field(primary_key=True, max_length=64)
    guardian_id: UUID = Field(primary_key=True)
    opted_out_at: datetime = Field(sa_type=DateTime(timezone=True))


class StepUpChallengeRow(SQLModel, table=True):
    """One one-time code sent to confirm a guardian (ADR 0012): its keyed hash only."""

    __tablename__ = "step_up_challenge"
    __table_args__ = (
        Index("step_up_challenge_by_item", "tenant", "guardian_id", "item", "issued_at"),
    )

    id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=64)
    guardian_id: UUID
    pupil_id: UUID
    item: str = Field(max_length=200)  # the guardian item's claim, `kind:id`
    code_hash: str = Field(max_length=64)
    issued_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    expires_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    attempts: int = Field(default=0, sa_type=Integer, nullable=False)
    locked_until: datetime | None = _moment()
    confirmed_at: datetime | None = _moment()


SERVICE_TABLES = (
    tuple(
        model.__table__  # type: ignore[attr-defined, union-attr]
        for model in (
            GuardianContactRow,
            StaffContactRow,
            PupilNameRow,
            SchoolRow,
            ItemStateRow,
            NotificationRow,
            MessageRow,
            ShortLinkRow,
            CounterRow,
            BroadcastRow,
            GuardianTokenUse,
            BulkOptOutRow,
            StepUpChallengeRow,
        )
    )
    + RETENTION_TABLES
)  # the kit's, created by this service's revision 0005
ALL_TABLES = (*KIT_TABLES, *ROSTER_TABLES, *SERVICE_TABLES)
