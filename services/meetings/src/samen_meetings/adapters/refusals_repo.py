"""Refused access attempts, counted per group and minute (a flood adds to a count): the
kit's `RefusalCountStore` over this service's table."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from samen_kit.refusal_counts import CountedGroup, RefusalGroup
from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_meetings.adapters.tables import AccessRefusalRow

_KEY = ("tenant", "reason", "credential", "method", "route", "resource_kind", "window_start")


class SqlRefusals:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def count(self, group: RefusalGroup) -> None:
        table = AccessRefusalRow.__table__  # type: ignore[attr-defined]
        stmt = insert(table).values(**asdict(group), count=1, emitted=False)
        stmt = stmt.on_conflict_do_update(
            index_elements=list(_KEY), set_={"count": table.c.count + 1}
        )
        await self._session.execute(stmt)

    async def closed(self, before: datetime, limit: int = 500) -> list[CountedGroup]:
        """Groups not yet reported whose minute started before `before`; rows another
        instance is reporting right now are skipped, not waited for."""
        stmt = (
            select(AccessRefusalRow)
            .where(col(AccessRefusalRow.emitted).is_(False))
            .where(col(AccessRefusalRow.window_start) < before)
            .order_by(col(AccessRefusalRow.window_start))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        rows = (await self._session.execute(stmt)).scalars().all()
        return [
            CountedGroup(RefusalGroup(**{name: getattr(row, name) for name in _KEY}), row.count)
            for row in rows
        ]

    async def mark_reported(self, group: RefusalGroup, now: datetime) -> None:
        table = AccessRefusalRow.__table__  # type: ignore[attr-defined]
        same = [table.c[name] == value for name, value in asdict(group).items()]
        await self._session.execute(update(table).where(*same).values(emitted=True))
