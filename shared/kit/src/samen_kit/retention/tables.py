"""The tables a service keeps its retention state in: what it erased (the unique claim
that makes two sweeps erase once) and the legal holds on its pupils.

Like the roster projection's, they have a registry of their own: a service that erases
attaches them to its metadata and creates them in a revision of its own
(`samen_kit.retention.migration`).
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from sqlalchemy import MetaData, Table
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from samen_kit.fields import instant_field

TENANT_LENGTH = 128


class RetentionTable(SQLModel, registry=registry()):
    """The base of the retention tables."""


class ErasureRow(RetentionTable, table=True):
    """One kind of data about one pupil was erased; the key is the claim."""

    __tablename__ = "retention_erasure"

    tenant: str = Field(primary_key=True, max_length=TENANT_LENGTH)
    pupil_id: UUID = Field(primary_key=True)
    kind: str = Field(primary_key=True, max_length=32)
    basis: str = Field(max_length=64)
    reason: str = Field(max_length=32)
    count: int
    erased_at: datetime = instant_field(required=True)


class HoldRow(RetentionTable, table=True):
    """A legal hold on a pupil's data: an open dispute or a request of the inspectie."""

    __tablename__ = "retention_hold"

    tenant: str = Field(primary_key=True, max_length=TENANT_LENGTH)
    pupil_id: UUID = Field(primary_key=True)
    hold_id: str = Field(primary_key=True, max_length=64)  # e.g. dispute:<uuid>
    placed_on: date
    lifted_on: date | None = None


ERASURE: Table = ErasureRow.__table__  # type: ignore[attr-defined]
HOLD: Table = HoldRow.__table__  # type: ignore[attr-defined]
RETENTION_TABLES: tuple[Table, ...] = (ERASURE, HOLD)


def attach_retention_tables(metadata: MetaData) -> tuple[Table, ...]:
    return tuple(table.to_metadata(metadata) for table in RETENTION_TABLES)
