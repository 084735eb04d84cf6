"""Refused access attempts, counted per group and minute (a flood adds to a count)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_meetings.adapters.tables import AccessRefusalRow


@dataclass(frozen=True)
class RefusalGroup:
    tenant: str
    reason: str
    credential: str
    method: str
    route: str
    resource_kind: str
    window_start: datetime


class SqlRefusals:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def count(self, group: RefusalGroup) -> None:
        table = AccessRefusalRow.__table__  # type: ignore[attr-defined]
        stmt = insert(table).values(**group.__dict__, count=1, emitted=False)
        stmt = stmt.on_conflict_do_update(
            index_elements=[
                "tenant", "reason", "credential", "method", "route", "resource_kind",
                "window_start",
            ],
            set_={"count": table.c.count + 1},
        )  # fmt: skip
        await self._session.execute(stmt)

    async def closed_windows(self, before: datetime, limit: int) -> Sequence[AccessRefusalRow]:
        """Groups not yet reported whose minute ended before `before`; rows another
        instance is reporting right now are skipped, not waited for."""
        stmt = (
            select(AccessRefusalRow)
            .where(col(AccessRefusalRow.emitted).is_(False))
            .where(col(AccessRefusalRow.window_start) < before)
            .order_by(col(AccessRefusalRow.window_start))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return (await self._session.execute(stmt)).scalars().all()
