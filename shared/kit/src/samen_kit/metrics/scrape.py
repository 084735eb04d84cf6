"""What is read when Prometheus scrapes: the outbox backlog and the age of its oldest
unpublished row (one query on the relay's partial index), and each consumer group's
lag from the aiokafka consumers the broker runs.

Reading at scrape time, not on a timer, means a stuck relay or a stuck consumer still
shows: nothing in the process has to be well for the numbers to be true.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import structlog
from aiokafka import AIOKafkaConsumer
from aiokafka.errors import IllegalStateError
from faststream.kafka import KafkaBroker
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

log = structlog.get_logger(__name__)

# Both parts walk `outbox_unpublished` (id WHERE published_at IS NULL); the database's
# clock measures the age, as it stamped `created_at`.
OUTBOX_BACKLOG = text(
    """
    SELECT count(*) AS backlog,
           coalesce(extract(epoch FROM now() - (
               SELECT created_at FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 1
           )), 0) AS oldest_age
    FROM outbox WHERE published_at IS NULL
    """
)
POSITION_TIMEOUT = 1.0  # a partition still looking for its position is left out


@dataclass(frozen=True)
class OutboxBacklog:
    rows: int
    oldest_age_seconds: float


@dataclass(frozen=True)
class PartitionLag:
    group: str
    topic: str
    lag: int


@dataclass(frozen=True)
class Snapshot:
    """One scrape's readings; `outbox` is None when the database did not answer."""

    service: str
    outbox: OutboxBacklog | None
    published: int
    lag: Mapping[tuple[str, str], int] = field(default_factory=dict)


def partition_lag(highwater: int, position: int) -> int:
    """Records on the partition not yet fetched. Both offsets point at the *next*
    record; a position past a highwater learned earlier is no lag, not negative."""
    return max(highwater - position, 0)


def lag_by_group_and_topic(lags: Iterable[PartitionLag]) -> dict[tuple[str, str], int]:
    """Summed over partitions: one series per group and topic keeps the label set
    small, whatever the partition count."""
    total: dict[tuple[str, str], int] = {}
    for item in lags:
        key = (item.group, item.topic)
        total[key] = total.get(key, 0) + item.lag
    return total


class SnapshotCollector(Collector):
    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot

    def collect(self) -> Iterator[Metric]:
        s = self._snapshot
        if s.outbox is not None:
            backlog = GaugeMetricFamily(
                "samen_outbox_backlog", "Outbox rows not yet published.", labels=["service"]
            )
            backlog.add_metric([s.service], s.outbox.rows)
            age = GaugeMetricFamily(
                "samen_outbox_oldest_age_seconds",
                "Age of the oldest unpublished outbox row; 0 when none waits.",
                labels=["service"],
            )
            age.add_metric([s.service], s.outbox.oldest_age_seconds)
            yield backlog
            yield age
        published = CounterMetricFamily(
            "samen_outbox_published",
            "Outbox rows this process's relay published.",
            labels=["service"],
        )
        published.add_metric([s.service], s.published)
        yield published
        lag = GaugeMetricFamily(
            "samen_consumer_lag",
            "Records on the consumed topics not yet fetched, per consumer group and topic.",
            labels=["service", "group", "topic"],
        )
        for (group, topic), value in sorted(s.lag.items()):
            lag.add_metric([s.service, group, topic], value)
        yield lag


async def read_outbox(engine: AsyncEngine) -> OutboxBacklog | None:
    try:
        async with engine.connect() as conn:
            row = (await conn.execute(OUTBOX_BACKLOG)).one()
    except Exception as exc:
        log.warning("metrics.outbox_unreadable", error=type(exc).__name__)
        return None
    return OutboxBacklog(rows=int(row.backlog), oldest_age_seconds=float(row.oldest_age))


async def read_lag(broker: KafkaBroker) -> dict[tuple[str, str], int]:
    """From the state of the consumers FastStream started: highwaters come with every
    fetch (aiokafka keeps fetching while a batch is handled), positions are local."""
    lags: list[PartitionLag] = []
    for subscriber in broker.subscribers:
        consumer = getattr(subscriber, "consumer", None)
        group = getattr(subscriber, "group_id", None)
        if not isinstance(consumer, AIOKafkaConsumer) or not group:
            continue
        for tp in consumer.assignment():
            highwater = consumer.highwater(tp)
            if highwater is None:
                continue  # not fetched from yet
            try:
                position = await asyncio.wait_for(consumer.position(tp), POSITION_TIMEOUT)
            except (TimeoutError, IllegalStateError):
                continue  # a rebalance is moving it
            lags.append(PartitionLag(group, tp.topic, partition_lag(highwater, position)))
    return lag_by_group_and_topic(lags)
