"""Counters kept in the database, so every instance and restart adds to the same count."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters.tables import CounterRow

COUNTER: Table = CounterRow.__table__  # type: ignore[attr-defined]


async def add(session: AsyncSession, counts: Mapping[tuple[str, str, str], int]) -> None:
    """`counts`: {(tenant, name, label): n}."""
    for (tenant, name, label), n in sorted(counts.items()):
        stmt = insert(COUNTER).values(tenant=tenant, name=name, label=label, count=n)
        stmt = stmt.on_conflict_do_update(
            index_elements=[COUNTER.c.tenant, COUNTER.c.name, COUNTER.c.label],
            set_={"count": COUNTER.c.count + n},
        )
        await session.execute(stmt)


async def read(session: AsyncSession, tenant: str) -> dict[str, dict[str, int]]:
    stmt = select(COUNTER.c.name, COUNTER.c.label, COUNTER.c.count).where(
        COUNTER.c.tenant == tenant
    )
    found: dict[str, dict[str, int]] = {}
    for name, label, count in (await session.execute(stmt)).all():
        found.setdefault(name, {})[label] = int(count)
    return found
