"""What guardians said they need themselves."""

from __future__ import annotations

from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_consent.adapters.tables import SupportNeedsRow


class SqlSupportNeeds:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, row: SupportNeedsRow) -> None:
        self._session.add(row)

    async def latest_of(
        self, tenant: str, guardian_id: UUID, pupil_id: UUID
    ) -> SupportNeedsRow | None:
        stmt = (
            select(SupportNeedsRow)
            .where(
                col(SupportNeedsRow.tenant) == tenant,
                col(SupportNeedsRow.guardian_id) == guardian_id,
                col(SupportNeedsRow.pupil_id) == pupil_id,
            )
            .order_by(col(SupportNeedsRow.at).desc())
            .limit(1)
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def of_school(self, staff: StaffPrincipal, school_id: UUID) -> list[SupportNeedsRow]:
        stmt = scoped(select(SupportNeedsRow), staff).where(
            col(SupportNeedsRow.school_id) == school_id
        )
        stmt = stmt.order_by(col(SupportNeedsRow.at).desc())
        return list((await self._session.execute(stmt)).scalars())
