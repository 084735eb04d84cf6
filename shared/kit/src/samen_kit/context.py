"""What every use case needs: the sessions, the event writer and the clock. A service's
context extends it with what only that service needs (a unit of work, its day)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter


@dataclass(frozen=True)
class Context:
    sessions: async_sessionmaker[AsyncSession]
    writer: EventWriter
    clock: Clock

    def now(self) -> datetime:
        return self.clock.now()
