"""The count table of refused attempts (`refusal_count`), for the kit's refusal book.

The table is the audit log's own (its writer role may insert and update it, nothing
more); the statements are the kit's `RefusalCountStore`."""

from dataclasses import asdict
from datetime import datetime

from samen_kit.refusal_counts import CountedGroup, RefusalGroup
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_COUNT = text(
    """
    INSERT INTO refusal_count (window_start, tenant, reason, credential, method, route,
                               resource_kind, count)
    VALUES (:window_start, :tenant, :reason, :credential, :method, :route, :resource_kind, 1)
    ON CONFLICT (window_start, tenant, reason, credential, method, route, resource_kind)
    DO UPDATE SET count = refusal_count.count + 1
    """
)
_CLOSED = text(
    """
    SELECT window_start, tenant, reason, credential, method, route, resource_kind, count
    FROM refusal_count WHERE emitted_at IS NULL AND window_start < :before
    ORDER BY window_start LIMIT :limit FOR UPDATE SKIP LOCKED
    """
)
_MARK = text(
    "UPDATE refusal_count SET emitted_at = :now WHERE window_start = :window_start"
    " AND tenant = :tenant AND reason = :reason AND credential = :credential"
    " AND method = :method AND route = :route AND resource_kind = :resource_kind"
)


class SqlRefusalCounts:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def count(self, group: RefusalGroup) -> None:
        await self._session.execute(_COUNT, asdict(group))

    async def closed(self, before: datetime, limit: int = 500) -> list[CountedGroup]:
        rows = await self._session.execute(_CLOSED, {"before": before, "limit": limit})
        return [CountedGroup(RefusalGroup(*row[:7]), row[7]) for row in rows]

    async def mark_reported(self, group: RefusalGroup, now: datetime) -> None:
        await self._session.execute(_MARK, {**asdict(group), "now": now})
