"""OPPs and their evaluation cycle."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_meetings.adapters.tables import OppRow


class SqlOpps:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, row: OppRow) -> None:
        self._session.add(row)

    async def for_staff(
        self, staff: StaffPrincipal, opp_id: UUID, *, lock: bool = False
    ) -> OppRow | None:
        stmt = scoped(select(OppRow), staff).where(col(OppRow.opp_id) == opp_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def get(self, opp_id: UUID, *, lock: bool = False) -> OppRow | None:
        stmt = select(OppRow).where(col(OppRow.opp_id) == opp_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def exists_anywhere(self, opp_id: UUID) -> OppRow | None:
        return await self._session.get(OppRow, opp_id)

    async def of_pupil(
        self, tenant: str, pupil_id: UUID, opp_id: UUID, *, lock: bool = False
    ) -> OppRow | None:
        stmt = select(OppRow).where(
            col(OppRow.tenant) == tenant,
            col(OppRow.pupil_id) == pupil_id,
            col(OppRow.opp_id) == opp_id,
        )
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def open_of_pupil(self, tenant: str, pupil_id: UUID) -> OppRow | None:
        """The pupil's current OPP, locked (registering a new one closes it)."""
        stmt = (
            select(OppRow)
            .where(col(OppRow.tenant) == tenant, col(OppRow.pupil_id) == pupil_id)
            .where(col(OppRow.closed_on).is_(None))
            .with_for_update()
        )
        return (await self._session.execute(stmt)).scalars().first()

    async def list_for_staff(
        self, staff: StaffPrincipal, pupil_id: UUID | None, limit: int
    ) -> Sequence[OppRow]:
        stmt = scoped(select(OppRow), staff)
        if pupil_id is not None:
            stmt = stmt.where(col(OppRow.pupil_id) == pupil_id)
        stmt = stmt.order_by(col(OppRow.started_on).desc(), col(OppRow.opp_id)).limit(limit)
        return (await self._session.execute(stmt)).scalars().all()
