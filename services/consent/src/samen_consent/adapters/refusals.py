"""Refused attempts counted per minute and group, until their window is reported."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_consent.adapters.tables import RefusalCountRow


@dataclass(frozen=True)
class RefusalGroup:
    window_start: datetime
    tenant: str
    reason: str
    credential: str
    method: str
    route: str
    resource_kind: str


class SqlRefusalCounts:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def count(self, group: RefusalGroup) -> None:
        table = RefusalCountRow.__table__  # type: ignore[attr-defined]
        stmt = insert(table).values(**asdict(group), count=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[column.name for column in table.primary_key.columns],
            set_={"count": table.c.count + 1},
        )
        await self._session.execute(stmt)

    async def closed(self, before: datetime, limit: int = 500) -> list[RefusalCountRow]:
        """Unreported windows that started before `before`; rows another sweep holds are
        skipped, so two instances report each window once."""
        stmt = (
            select(RefusalCountRow)
            .where(
                col(RefusalCountRow.emitted_at).is_(None),
                col(RefusalCountRow.window_start) < before,
            )
            .order_by(col(RefusalCountRow.window_start))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list((await self._session.execute(stmt)).scalars())
