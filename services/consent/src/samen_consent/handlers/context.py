"""What every handler needs, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_consent.adapters.documents import DocumentOwners
from samen_consent.domain.reminders import ReminderPolicy


@dataclass(frozen=True)
class Context:
    sessions: async_sessionmaker[AsyncSession]
    writer: EventWriter
    clock: Clock
    reminders: ReminderPolicy = field(default_factory=ReminderPolicy)
    documents: DocumentOwners | None = None  # where a bound request's words come from

    def now(self) -> datetime:
        return self.clock.now()
