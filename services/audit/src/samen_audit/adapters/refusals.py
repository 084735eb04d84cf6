"""Refused attempts counted per minute and group, until their window is reported."""

from dataclasses import dataclass
from datetime import datetime

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


@dataclass(frozen=True)
class RefusalGroup:
    window_start: datetime
    tenant: str
    reason: str
    credential: str
    method: str
    route: str
    resource_kind: str


@dataclass(frozen=True)
class CountedWindow:
    group: RefusalGroup
    count: int


class SqlRefusalCounts:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def count(self, group: RefusalGroup) -> None:
        await self._session.execute(_COUNT, vars(group))

    async def closed(self, before: datetime, limit: int = 500) -> list[CountedWindow]:
        """Unreported windows that started before ``before``; rows another sweep holds
        are skipped, so two instances report each window once."""
        rows = await self._session.execute(_CLOSED, {"before": before, "limit": limit})
        return [CountedWindow(RefusalGroup(*row[:7]), row[7]) for row in rows]

    async def mark_reported(self, group: RefusalGroup, now: datetime) -> None:
        await self._session.execute(_MARK, {**vars(group), "now": now})
