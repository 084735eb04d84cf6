"""The kit's own tables, present in every service's database.

- `outbox`: events written in the same transaction as the state change they describe.
- `inbox`: ids of events a consumer has handled, written with the handler's effect.
- `pupil_sequence`: the per-pupil sequence number this service stamps on its events.
- `applied_sequence`: per consumer and pupil, the highest sequence applied, so an older
  event (say a replayed dead letter) cannot undo a later fact.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import BigInteger, Column, DateTime, Identity, Index, LargeBinary, Table, func, text
from sqlmodel import Field, SQLModel

from samen_kit.fields import instant_field, jsonb_field


class OutboxRow(SQLModel, table=True):
    __tablename__ = "outbox"
    __table_args__ = (
        # The relay only ever looks for what is not yet published, in id order.
        Index("outbox_unpublished", "id", postgresql_where=text("published_at IS NULL")),
    )

    id: int | None = Field(
        default=None, sa_column=Column(BigInteger, Identity(always=True), primary_key=True)
    )
    event_id: UUID = Field(unique=True)
    topic: str
    key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    value: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    headers: list[Any] = jsonb_field()
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    published_at: datetime | None = instant_field(nullable=True)


class InboxRow(SQLModel, table=True):
    __tablename__ = "inbox"

    consumer: str = Field(primary_key=True)
    event_id: UUID = Field(primary_key=True)
    handled_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class PupilSequenceRow(SQLModel, table=True):
    __tablename__ = "pupil_sequence"

    tenant: str = Field(primary_key=True)
    subject: str = Field(primary_key=True)
    last: int = Field(sa_column=Column(BigInteger, nullable=False))


class AppliedSequenceRow(SQLModel, table=True):
    __tablename__ = "applied_sequence"

    consumer: str = Field(primary_key=True)
    source: str = Field(primary_key=True)
    tenant: str = Field(primary_key=True)
    subject: str = Field(primary_key=True)
    last: int = Field(sa_column=Column(BigInteger, nullable=False))


def tables_of(*models: type[SQLModel]) -> tuple[Table, ...]:
    """The tables of these models, in order (SQLModel leaves `__table__` untyped)."""
    return tuple(model.__table__ for model in models)  # type: ignore[attr-defined]


KIT_TABLES = tables_of(OutboxRow, InboxRow, PupilSequenceRow, AppliedSequenceRow)
