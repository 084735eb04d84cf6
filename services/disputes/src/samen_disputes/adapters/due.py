"""Which deadline events were already written."""

from collections.abc import Iterable
from datetime import datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_disputes.adapters.tables import DueEmittedRow


class SqlDueLog:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def keys_for(self, dispute_ids: Iterable[UUID]) -> set[str]:
        wanted = list(dispute_ids)
        if not wanted:
            return set()
        stmt = select(col(DueEmittedRow.key)).where(col(DueEmittedRow.dispute_id).in_(wanted))
        return set((await self._session.execute(stmt)).scalars())

    async def record(self, key: str, dispute_id: UUID, event_id: UUID, at: datetime) -> None:
        stmt = insert(DueEmittedRow).values(
            key=key, dispute_id=dispute_id, event_id=event_id, emitted_at=at
        )
        await self._session.execute(stmt.on_conflict_do_nothing(index_elements=["key"]))
