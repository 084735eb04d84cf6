"""What every use case needs."""

from dataclasses import dataclass
from datetime import date

from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_plans.domain.calendar import amsterdam_day


@dataclass(frozen=True)
class Context:
    sessions: async_sessionmaker[AsyncSession]
    writer: EventWriter
    clock: Clock

    def today(self) -> date:
        """The school's day (Amsterdam)."""
        return amsterdam_day(self.clock.now())
