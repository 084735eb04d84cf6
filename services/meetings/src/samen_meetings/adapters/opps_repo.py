"""The OPPs known from the plans service's facts (`projection_tables.OppRow`)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_meetings.adapters.projection_tables import OppRow


class SqlOpps:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, row: OppRow) -> None:
        self._session.add(row)

    async def for_staff(self, staff: StaffPrincipal, opp_id: UUID) -> OppRow | None:
        stmt = scoped(select(OppRow), staff).where(col(OppRow.opp_id) == opp_id)
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def exists_anywhere(self, opp_id: UUID) -> OppRow | None:
        """Any tenant's OPP with this id: to tell "elsewhere" from "nowhere" in a refusal."""
        stmt = select(OppRow).where(col(OppRow.opp_id) == opp_id).limit(1)
        return (await self._session.execute(stmt)).scalars().first()

    async def get(self, tenant: str, opp_id: UUID, *, lock: bool = False) -> OppRow | None:
        stmt = select(OppRow).where(col(OppRow.tenant) == tenant, col(OppRow.opp_id) == opp_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def of_pupil(self, tenant: str, pupil_id: UUID, opp_id: UUID) -> OppRow | None:
        row = await self.get(tenant, opp_id)
        return row if row is not None and row.pupil_id == pupil_id else None

    async def open_of_pupil(self, tenant: str, pupil_id: UUID) -> Sequence[OppRow]:
        """The pupil's open OPPs, locked (a newer one closes them)."""
        stmt = (
            select(OppRow)
            .where(col(OppRow.tenant) == tenant, col(OppRow.pupil_id) == pupil_id)
            .where(col(OppRow.closed_on).is_(None))
            .with_for_update()
        )
        return (await self._session.execute(stmt)).scalars().all()

    async def list_for_staff(
        self, staff: StaffPrincipal, pupil_id: UUID | None, limit: int
    ) -> Sequence[OppRow]:
        stmt = scoped(select(OppRow), staff)
        if pupil_id is not None:
            stmt = stmt.where(col(OppRow.pupil_id) == pupil_id)
        stmt = stmt.order_by(col(OppRow.started_on).desc(), col(OppRow.opp_id)).limit(limit)
        return (await self._session.execute(stmt)).scalars().all()
