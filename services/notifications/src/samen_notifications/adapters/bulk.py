"""Guardians who stopped bulk messages (broadcasts), per tenant."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from uuid import UUID

from sqlalchemy import Table, Uuid, any_, bindparam, delete, select
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters.tables import BulkOptOutRow

BULK_OPT_OUT: Table = BulkOptOutRow.__table__  # type: ignore[attr-defined]


async def opt_out(session: AsyncSession, tenant: str, guardian_id: UUID, now: datetime) -> None:
    """Idempotent: a second click keeps the first moment."""
    stmt = insert(BULK_OPT_OUT).values(tenant=tenant, guardian_id=guardian_id, opted_out_at=now)
    await session.execute(stmt.on_conflict_do_nothing())


async def opt_in(session: AsyncSession, tenant: str, guardian_id: UUID) -> None:
    await session.execute(
        delete(BULK_OPT_OUT).where(
            BULK_OPT_OUT.c.tenant == tenant, BULK_OPT_OUT.c.guardian_id == guardian_id
        )
    )


async def opted_out(
    session: AsyncSession, tenant: str, guardian_ids: Collection[UUID]
) -> set[UUID]:
    """Which of these guardians stopped bulk messages. The ids go as one array parameter,
    so a broadcast to a whole samenwerkingsverband stays one query under any count."""
    if not guardian_ids:
        return set()
    ids = bindparam("ids", list(guardian_ids), type_=ARRAY(Uuid()))
    stmt = select(BULK_OPT_OUT.c.guardian_id).where(
        BULK_OPT_OUT.c.tenant == tenant, BULK_OPT_OUT.c.guardian_id == any_(ids)
    )
    return set((await session.execute(stmt)).scalars().all())
