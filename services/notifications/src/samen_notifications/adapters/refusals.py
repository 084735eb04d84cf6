"""Refused attempts, counted per group and minute (a flood adds to a count, not rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters.tables import RefusalWindowRow

WINDOW: Table = RefusalWindowRow.__table__  # type: ignore[attr-defined]
KEY = ("tenant", "reason", "credential", "method", "route", "resource_kind", "window_start")


@dataclass(frozen=True, slots=True)
class RefusalGroup:
    tenant: str
    reason: str
    credential: str
    method: str
    route: str
    resource_kind: str
    window_start: datetime


async def count(session: AsyncSession, group: RefusalGroup) -> None:
    values = {name: getattr(group, name) for name in KEY}
    stmt = insert(WINDOW).values(**values, count=1, emitted=False)
    stmt = stmt.on_conflict_do_update(
        index_elements=[WINDOW.c[name] for name in KEY], set_={"count": WINDOW.c.count + 1}
    )
    await session.execute(stmt)


async def closed_windows(
    session: AsyncSession, before: datetime, limit: int = 500
) -> list[RefusalWindowRow]:
    stmt = (
        select(RefusalWindowRow)
        .where(WINDOW.c.emitted.is_(False), WINDOW.c.window_start < before)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list((await session.execute(stmt)).scalars().all())


async def mark_emitted(session: AsyncSession, row: RefusalWindowRow) -> None:
    await session.execute(
        update(WINDOW)
        .where(*[WINDOW.c[name] == getattr(row, name) for name in KEY])
        .values(emitted=True)
    )
