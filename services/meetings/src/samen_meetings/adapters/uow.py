"""One transaction and the repositories that work in it; the caller's block commits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Unpack

from samen_contract import Event
from samen_kit.db import unit_of_work as kit_unit_of_work
from samen_kit.outbox import Facts, emit
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_meetings.adapters.meetings_repo import SqlMeetings
from samen_meetings.adapters.opps_repo import SqlOpps
from samen_meetings.adapters.projections import SqlProjections
from samen_meetings.adapters.records_repo import SqlRecords
from samen_meetings.adapters.settings_repo import SqlTenantSettings


class UnitOfWork:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.projections = SqlProjections(session)
        self.meetings = SqlMeetings(session)
        self.records = SqlRecords(session)
        self.opps = SqlOpps(session)
        self.settings = SqlTenantSettings(session)

    async def emit(self, event: Event, **facts: Unpack[Facts]) -> bool:
        """Write `event` to the outbox in this transaction; False when its id was written."""
        return await emit(self.session, event, **facts) is not None

    async def flush(self) -> None:
        await self.session.flush()


@asynccontextmanager
async def unit_of_work(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[UnitOfWork]:
    """Commits when the block ends, rolls back (nothing changed) when it raises."""
    async with kit_unit_of_work(sessions) as session:
        yield UnitOfWork(session)
