"""The kit's process-wide instruments, moved where things happen.

A service process runs one service, so these live in prometheus-client's default
registry next to its process and platform collectors.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import Counter, Histogram

HANDLER_SECONDS = Histogram(
    "samen_handler_seconds",
    "Time to handle one poll's batch of records, commit and dead letters included.",
    ["service", "consumer"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
DEAD_LETTERS = Counter(
    "samen_dead_letters",
    "Records parked on the dead-letter topic, by the consumer that gave up and why.",
    ["service", "consumer", "reason"],
)


def service_of(consumer: str) -> str:
    """Consumers are named `<service>.<name>` (`ServiceRuntime.add_consumer`)."""
    return consumer.split(".", 1)[0]


@contextmanager
def handler_timer(consumer: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        HANDLER_SECONDS.labels(service_of(consumer), consumer).observe(
            time.perf_counter() - started
        )


def count_dead_letter(consumer: str, reason: str) -> None:
    DEAD_LETTERS.labels(service_of(consumer), consumer, reason).inc()
