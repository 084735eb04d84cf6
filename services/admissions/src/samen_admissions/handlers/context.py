"""What every use case needs, and who is acting."""

from dataclasses import dataclass

from samen_kit.acting import GuardianActing as GuardianActing
from samen_kit.acting import StaffActing as StaffActing
from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


@dataclass(frozen=True)
class Deps:
    sessions: async_sessionmaker[AsyncSession]
    writer: EventWriter
    clock: Clock


Acting = StaffActing | GuardianActing
