"""Refused attempts counted per minute and group, until their window is reported.

Each service keeps the counts in a table of its own (same columns: the group's fields
as primary key, `count`, `emitted_at`); this is the one repository over such a table,
so a flood of refused attempts becomes one `AccessRefused` per group and minute.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

Row = TypeVar("Row")


@dataclass(frozen=True)
class RefusalGroup:
    window_start: datetime
    tenant: str
    reason: str
    credential: str
    method: str
    route: str
    resource_kind: str


class SqlRefusalCounts(Generic[Row]):
    def __init__(self, session: AsyncSession, row: type[Row]) -> None:
        self._session = session
        self._row: Any = row

    async def count(self, group: RefusalGroup) -> None:
        table = self._row.__table__
        stmt = insert(table).values(**asdict(group), count=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[column.name for column in table.primary_key.columns],
            set_={"count": table.c.count + 1},
        )
        await self._session.execute(stmt)

    async def closed(self, before: datetime, limit: int = 500) -> list[Row]:
        """Unreported windows that started before `before`; rows another sweep holds are
        skipped, so two instances report each window once."""
        row = self._row
        stmt = (
            select(row)
            .where(row.emitted_at.is_(None), row.window_start < before)
            .order_by(row.window_start)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list((await self._session.execute(stmt)).scalars())
