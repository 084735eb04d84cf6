"""The unit of work a service's handlers take: one transaction, its repositories, and
the outbox written in it. A service subclasses it to add its repositories; handler tests
put a fake one in its place."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Self, Unpack

from samen_contract import Event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.db import unit_of_work
from samen_kit.outbox import Facts, emit


class UnitOfWork:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    @asynccontextmanager
    async def begin(cls, sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[Self]:
        """Commits when the block ends, rolls back (nothing changed) when it raises."""
        async with unit_of_work(sessions) as session:
            yield cls(session)

    async def emit(self, event: Event, **facts: Unpack[Facts]) -> bool:
        """Write `event` to the outbox in this transaction; False when its id was written."""
        return await emit(self.session, event, **facts) is not None

    async def flush(self) -> None:
        await self.session.flush()
