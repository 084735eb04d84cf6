"""Time-driven work: messages that waited too long for a contact point end as
`GuardianUnreachable` (once: the notification's state and the event id see to it)."""

from __future__ import annotations

from samen_contract.events.notifications import UnreachableReason
from samen_kit.clock import Clock
from samen_kit.db import unit_of_work
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_notifications.adapters import messages
from samen_notifications.handlers.planning import Planner

SWEEP_BATCH = 500


async def expire_waiting(
    sessions: async_sessionmaker[AsyncSession], planner: Planner, clock: Clock
) -> int:
    """Give up on notifications whose wait for a contact point ran out."""
    total = 0
    while True:
        async with unit_of_work(sessions) as session:
            overdue = await messages.overdue_waiting(session, clock.now(), SWEEP_BATCH)
            for n in overdue:
                await planner.give_up(session, n, UnreachableReason.NO_CONTACT_POINT)
        total += len(overdue)
        if len(overdue) < SWEEP_BATCH:
            return total
