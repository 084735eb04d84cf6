"""The groeidocument's entries."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_plans.adapters.tables import GroeidocumentEntryRow


class SqlGroeidocument:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, row: GroeidocumentEntryRow) -> None:
        self._session.add(row)

    async def of_pupil(self, tenant: str, pupil_id: UUID) -> Sequence[GroeidocumentEntryRow]:
        stmt = (
            select(GroeidocumentEntryRow)
            .where(
                col(GroeidocumentEntryRow.tenant) == tenant,
                col(GroeidocumentEntryRow.pupil_id) == pupil_id,
            )
            .order_by(col(GroeidocumentEntryRow.position))
        )
        return (await self._session.execute(stmt)).scalars().all()
