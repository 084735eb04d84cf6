"""Messages sent, delivered and failed per channel, for Prometheus.

Counted from the facts as they are written to the outbox (a fact written before, say a
report delivered twice, is not written again and not counted again), and only once
their transaction committed.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import Counter
from samen_contract import Event
from samen_contract.events.notifications import (
    NotificationDelivered,
    NotificationFailed,
    NotificationSent,
)
from samen_kit.metrics import on_commit
from sqlalchemy.ext.asyncio import AsyncSession

MESSAGES = Counter(
    "samen_notifications_messages",
    "Messages sent (the channel took them), delivered (the channel reported it) and "
    "failed for good, per channel.",
    ["channel", "outcome"],
)
OUTCOMES: dict[type[Event], str] = {
    NotificationSent: "sent",
    NotificationDelivered: "delivered",
    NotificationFailed: "failed",
}


def tally(events: Iterable[Event]) -> dict[tuple[str, str], int]:
    """{(channel, outcome): count} of the message facts among `events`."""
    counts: dict[tuple[str, str], int] = {}
    for event in events:
        outcome = OUTCOMES.get(type(event))
        if outcome is None:
            continue
        assert isinstance(event, NotificationSent | NotificationDelivered | NotificationFailed)
        key = (event.channel.value, outcome)
        counts[key] = counts.get(key, 0) + 1
    return counts


def count_on_commit(session: AsyncSession, events: Iterable[Event]) -> None:
    counts = tally(events)
    if counts:
        on_commit(session, lambda: _add(counts))


def _add(counts: dict[tuple[str, str], int]) -> None:
    for (channel, outcome), n in counts.items():
        MESSAGES.labels(channel, outcome).inc(n)
