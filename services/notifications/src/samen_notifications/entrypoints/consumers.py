"""The Kafka consumers: one per source service, all with the same handler.

The kit does the rest: inbox (a redelivered event does nothing), per-pupil order,
retries, dead letters.
"""

from __future__ import annotations

from samen_kit.service import ServiceRuntime

from samen_notifications.handlers.facts import EventHandler

SOURCES = ("consent", "meetings", "disputes", "plans", "admissions")


def add_consumers(runtime: ServiceRuntime, handler: EventHandler) -> None:
    for source in SOURCES:
        runtime.add_consumer(
            source,
            handler,
            sources=[source],
            description=(
                f"The {source} service's facts: keeps pupils, guardianships and item states, "
                "and plans the notifications the rules table asks for."
            ),
        )
