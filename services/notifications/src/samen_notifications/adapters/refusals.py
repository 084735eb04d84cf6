"""Refused attempts, counted per group and minute (a flood adds to a count, not rows):
the kit's `RefusalCountStore` over this service's table."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from samen_kit.refusal_counts import CountedGroup, RefusalGroup
from sqlalchemy import Table, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters.tables import RefusalWindowRow

WINDOW: Table = RefusalWindowRow.__table__  # type: ignore[attr-defined]
KEY = ("tenant", "reason", "credential", "method", "route", "resource_kind", "window_start")


class SqlRefusalWindows:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def count(self, group: RefusalGroup) -> None:
        stmt = insert(WINDOW).values(**asdict(group), count=1, emitted=False)
        stmt = stmt.on_conflict_do_update(
            index_elements=[WINDOW.c[name] for name in KEY], set_={"count": WINDOW.c.count + 1}
        )
        await self._session.execute(stmt)

    async def closed(self, before: datetime, limit: int = 500) -> list[CountedGroup]:
        stmt = (
            select(RefusalWindowRow)
            .where(WINDOW.c.emitted.is_(False), WINDOW.c.window_start < before)
            .order_by(WINDOW.c.window_start)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        rows = (await self._session.execute(stmt)).scalars().all()
        return [
            CountedGroup(RefusalGroup(**{name: getattr(row, name) for name in KEY}), row.count)
            for row in rows
        ]

    async def mark_reported(self, group: RefusalGroup, now: datetime) -> None:
        same = [WINDOW.c[name] == value for name, value in asdict(group).items()]
        await self._session.execute(update(WINDOW).where(*same).values(emitted=True))
