"""Broadcasts: staff's own words for all guardians of a school, a board or the tenant."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

from samen_kit.roster import Roster
from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_notifications.adapters.tables import BroadcastRow

BROADCAST: Table = BroadcastRow.__table__  # type: ignore[attr-defined]


async def save(session: AsyncSession, row: dict[str, Any]) -> bool:
    stmt = insert(BROADCAST).values(row).on_conflict_do_nothing().returning(BROADCAST.c.id)
    return (await session.execute(stmt)).scalar_one_or_none() is not None


async def by_id(session: AsyncSession, ids: Collection[UUID]) -> dict[UUID, BroadcastRow]:
    if not ids:
        return {}
    stmt = select(BroadcastRow).where(col(BroadcastRow.id).in_(list(ids)))  # type: ignore[attr-defined]
    return {row.id: row for row in (await session.execute(stmt)).scalars().all()}


async def get(session: AsyncSession, tenant: str, broadcast_id: UUID) -> BroadcastRow | None:
    row = await session.get(BroadcastRow, broadcast_id)
    return row if row is not None and row.tenant == tenant else None


async def guardians_of_schools(
    session: AsyncSession, tenant: str, school_ids: Collection[UUID] | None, group: str | None
) -> list[UUID]:
    """Guardians of the pupils on the roll of these schools (None: the whole tenant), of
    one class group's pupils when `group` is given."""
    return await Roster(session).guardians_of_schools(tenant, school_ids, group)
