"""OPPs and their versions."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_plans.adapters.tables import OppRow, OppVersionRow


class SqlOpps:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, row: OppRow | OppVersionRow) -> None:
        self._session.add(row)

    async def in_tenant(self, tenant: str, opp_id: UUID, *, lock: bool = False) -> OppRow | None:
        stmt = select(OppRow).where(col(OppRow.tenant) == tenant, col(OppRow.opp_id) == opp_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def elsewhere(self, tenant: str, opp_id: UUID) -> str | None:
        """Another tenant holding this id: only to say why it was answered 404."""
        stmt = (
            select(col(OppRow.tenant))
            .where(col(OppRow.opp_id) == opp_id, col(OppRow.tenant) != tenant)
            .order_by(col(OppRow.tenant))
            .limit(1)
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def open_of_pupil(self, tenant: str, pupil_id: UUID) -> OppRow | None:
        stmt = select(OppRow).where(
            col(OppRow.tenant) == tenant,
            col(OppRow.pupil_id) == pupil_id,
            col(OppRow.closed_on).is_(None),
        )
        return (await self._session.execute(stmt)).scalars().first()

    async def versions(self, tenant: str, opp_id: UUID) -> Sequence[OppVersionRow]:
        stmt = (
            select(OppVersionRow)
            .where(col(OppVersionRow.tenant) == tenant, col(OppVersionRow.opp_id) == opp_id)
            .order_by(col(OppVersionRow.version))
        )
        return (await self._session.execute(stmt)).scalars().all()

    async def version(
        self, tenant: str, opp_id: UUID, version: int, *, lock: bool = False
    ) -> OppVersionRow | None:
        stmt = select(OppVersionRow).where(
            col(OppVersionRow.tenant) == tenant,
            col(OppVersionRow.opp_id) == opp_id,
            col(OppVersionRow.version) == version,
        )
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()
