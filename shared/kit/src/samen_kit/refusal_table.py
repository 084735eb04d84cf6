"""The one table of refused attempts, counted per group and minute until reported.

Import this module only in services that count refusals (all five do): importing it
adds `access_refusal_count` to `SQLModel.metadata`, and so to that service's
migrations. `refusal_counts` is the kit's `RefusalCountStore` over it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Column, DateTime
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from samen_kit.context import Context
from samen_kit.fields import instant_field
from samen_kit.refusal_counts import SqlRefusalCounts, report_closed_windows

TABLE_NAME = "access_refusal_count"


class AccessRefusalCount(SQLModel, table=True):
    __tablename__ = TABLE_NAME

    window_start: datetime = Field(
        sa_column=Column(DateTime(timezone=True), primary_key=True, nullable=False)
    )
    tenant: str = Field(primary_key=True, max_length=128)
    reason: str = Field(primary_key=True, max_length=32)
    credential: str = Field(primary_key=True, max_length=32)
    method: str = Field(primary_key=True, max_length=8)
    route: str = Field(primary_key=True, max_length=200)
    resource_kind: str = Field(primary_key=True, max_length=64)
    count: int = 0
    emitted_at: datetime | None = instant_field(nullable=True, index=True)


def refusal_counts(session: AsyncSession) -> SqlRefusalCounts[AccessRefusalCount]:
    """The store every service's `RefusalBook` and reporter use."""
    return SqlRefusalCounts(session, AccessRefusalCount)


async def report_refusals(
    context: Context, *, service: str, grace: timedelta = timedelta(seconds=5)
) -> int:
    """One `AccessRefused` per group whose minute (and the grace after it) has closed."""
    sessions, writer, clock = context.sessions, context.writer, context.clock
    return await report_closed_windows(
        sessions, writer, clock, service=service, store=refusal_counts, grace=grace
    )
