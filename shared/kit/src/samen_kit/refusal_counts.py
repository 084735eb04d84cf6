"""Refused attempts counted per minute and group, and reported once their window closed.

One rule for every service: a refused attempt adds one to the count of its group
(window minute, tenant, reason, credential, method, route template, resource kind);
once the minute and a grace have passed, the group becomes one `AccessRefused` with
the count, whose event id derives from the service and the group alone
(`access_refused_event_id`), so two instances or two sweeps report a window once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar
from uuid import UUID

from samen_contract import deterministic_event_id
from samen_contract.events.access import AccessRefused, AccessRefusedReason, Credential
from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.clock import Clock
from samen_kit.db import unit_of_work
from samen_kit.outbox import EventWriter

Row = TypeVar("Row")
WINDOW = timedelta(minutes=1)
REPORTER_ACTOR = "system:access-refusals"
_GROUP_FIELDS = ("window_start", "tenant", "reason", "credential", "method", "route")
GROUP_FIELDS = (*_GROUP_FIELDS, "resource_kind")


def window_of(at: datetime) -> datetime:
    """The UTC minute an attempt falls in."""
    return at.astimezone(UTC).replace(second=0, microsecond=0)


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
class CountedGroup:
    group: RefusalGroup
    count: int


class RefusalCountStore(Protocol):
    async def count(self, group: RefusalGroup) -> None: ...

    async def closed(self, before: datetime, limit: int = 500) -> list[CountedGroup]: ...

    async def mark_reported(self, group: RefusalGroup, now: datetime) -> None: ...


StoreFactory = Callable[[AsyncSession], RefusalCountStore]


class SqlRefusalCounts(Generic[Row]):
    """The repository over a service's count table (the group's fields as primary key,
    `count`, `emitted_at`); works in the caller's transaction."""

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

    async def closed(self, before: datetime, limit: int = 500) -> list[CountedGroup]:
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
        rows = (await self._session.execute(stmt)).scalars()
        return [CountedGroup(_group_of(found), found.count) for found in rows]

    async def mark_reported(self, group: RefusalGroup, now: datetime) -> None:
        table = self._row.__table__
        same = [table.c[name] == value for name, value in asdict(group).items()]
        await self._session.execute(update(table).where(*same).values(emitted_at=now))


def _group_of(row: Any) -> RefusalGroup:
    return RefusalGroup(**{name: getattr(row, name) for name in GROUP_FIELDS})


def access_refused_event_id(service: str, group: RefusalGroup) -> UUID:
    """The one seed rule: the event type, then the group's fields in a fixed order."""
    event_type = AccessRefused.for_service(service).event_type()
    fields = asdict(group)
    parts = [fields[name] for name in GROUP_FIELDS if name != "window_start"]
    return deterministic_event_id(event_type, *parts, group.window_start.isoformat())


async def count_refusal(
    sessions: async_sessionmaker[AsyncSession], store: StoreFactory, group: RefusalGroup
) -> None:
    """In a transaction of its own: the refused request changes nothing else."""
    async with unit_of_work(sessions) as session:
        await store(session).count(group)


async def report_closed_windows(
    sessions: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    clock: Clock,
    *,
    service: str,
    store: StoreFactory,
    grace: timedelta = timedelta(seconds=5),
) -> int:
    """One `AccessRefused` per group whose minute (and the grace after it) has passed."""
    now = clock.now()
    event_class = AccessRefused.for_service(service)
    async with unit_of_work(sessions) as session:
        counts = store(session)
        windows = await counts.closed(before=now - WINDOW - grace)
        for window in windows:
            group = window.group
            event = event_class(
                reason=AccessRefusedReason(group.reason),
                credential=Credential(group.credential),
                method=group.method,
                route=group.route,
                resource_kind=group.resource_kind,
                window_start=group.window_start,
                count=window.count,
            )
            await writer.emit(
                session,
                event,
                tenant=group.tenant,
                subject=group.tenant,
                actor=REPORTER_ACTOR,
                event_id=access_refused_event_id(service, group),
                time=now,
            )
            await counts.mark_reported(group, now)
    return len(windows)
