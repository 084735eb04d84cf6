"""What the bus and the services' outboxes hold: every event of this run, the dead
letters, and whether everything has settled (outboxes published, consumers caught up)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import asyncpg
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from samen_contract.topics import dlq_topic, events_topic
from samen_kit.db import asyncpg_dsn

from tests.e2e.faults.faults_stack import SERVICES, Stack
from tests.e2e.faults.faults_wait import wait_while_progressing

# Settling is waited for while the backlog shrinks (it takes minutes at 20,000 guardians
# on two loaded cores, seconds at 1,000); two minutes without a record worked off is a fault.
SETTLE_STALL = 120.0


@dataclass(frozen=True)
class BusEvent:
    topic: str
    tenant: str
    event_id: str
    type: str
    data: dict[str, Any]


@dataclass(frozen=True)
class BusSnapshot:
    events: list[BusEvent]  # in topic order; a record the relay sent twice is here twice
    dead_letters: int

    def ids_by_tenant(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for event in self.events:
            found.setdefault(event.tenant, set()).add(event.event_id)
        return found

    @property
    def republished(self) -> int:
        """Records carrying an event id seen before (the relay's at-least-once)."""
        return len(self.events) - len({e.event_id for e in self.events})

    def of_type(self, suffix: str) -> list[BusEvent]:
        return [e for e in self.events if e.type.endswith(suffix)]


async def read_bus(stack: Stack) -> BusSnapshot:
    prefix = stack.config.topic_prefix
    events = await _read_all(stack, [prefix + events_topic(s) for s in SERVICES])
    letters = await _read_all(stack, [prefix + dlq_topic(s) for s in SERVICES])
    return BusSnapshot([_event(topic, raw) for topic, raw in events], len(letters))


async def _read_all(stack: Stack, topics: list[str]) -> list[tuple[str, Any]]:
    """Every record now on `topics`, from the first offset to the end, without a group."""
    partitions = await _partitions(stack, topics)
    if not partitions:
        return []
    consumer = AIOKafkaConsumer(
        bootstrap_servers=stack.config.kafka_bootstrap, auto_offset_reset="earliest"
    )
    await consumer.start()
    try:
        consumer.assign(partitions)
        starts = await consumer.beginning_offsets(partitions)
        ends = await consumer.end_offsets(partitions)
        for tp in partitions:  # seek_to_beginning did not always hold before position()
            consumer.seek(tp, starts[tp])
        records: list[tuple[str, Any]] = []
        while [tp for tp in partitions if await consumer.position(tp) < ends[tp]]:
            batches = await consumer.getmany(timeout_ms=1000, max_records=5000)
            for tp, batch in batches.items():
                records += [(tp.topic, r) for r in batch if r.offset < ends[tp]]
        return records
    finally:
        await consumer.stop()


async def _partitions(stack: Stack, topics: list[str]) -> list[TopicPartition]:
    """The partitions of those of `topics` that exist (a service that never emitted
    anything may have none yet)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=stack.config.kafka_bootstrap)
    await admin.start()
    try:
        found = await admin.describe_topics(topics)
    finally:
        await admin.close()
    return [
        TopicPartition(topic["topic"], partition["partition"])
        for topic in found
        if topic["error_code"] == 0
        for partition in topic["partitions"]
    ]


def _event(topic: str, record: Any) -> BusEvent:
    headers = {name: value.decode() for name, value in record.headers}
    return BusEvent(
        topic=topic,
        tenant=headers.get("ce_tenant", ""),
        event_id=headers.get("ce_id", ""),
        type=headers.get("ce_type", ""),
        data=json.loads(record.value or b"{}"),
    )


async def unpublished(stack: Stack) -> dict[str, int]:
    """Outbox rows each service committed but has not yet published."""
    counts = {}
    for service in SERVICES:
        url = stack.config.database_url(service)
        connection = await asyncpg.connect(asyncpg_dsn(url), timeout=10)
        try:
            counts[service] = int(
                await connection.fetchval("SELECT count(*) FROM outbox WHERE published_at IS NULL")
            )
        finally:
            await connection.close()
    return counts


async def _groups(admin: AIOKafkaAdminClient, *, skip_down_nodes: bool) -> list[str]:
    """The consumer groups the cluster knows. With `skip_down_nodes`, a node that does not
    answer (killed on purpose) is passed over: its groups are missing until Kafka moves
    their coordination to a living node, which is good enough for a note, never for a
    verdict."""
    if not skip_down_nodes:
        return [group for group, _ in await admin.list_consumer_groups()]
    try:
        metadata = await admin.describe_cluster()  # may ask the killed node first
    except KafkaError:
        return []
    groups: list[str] = []
    for broker in metadata["brokers"]:
        try:
            listed = await admin.list_consumer_groups(broker_ids=[broker["node_id"]])
        except KafkaError:
            continue
        groups.extend(group for group, _ in listed)
    return groups


async def consumer_lag(stack: Stack, *, skip_down_nodes: bool = False) -> dict[str, int]:
    """Per consumer group, the records on its topics it has not committed yet."""
    admin = AIOKafkaAdminClient(bootstrap_servers=stack.config.kafka_bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=stack.config.kafka_bootstrap)
    await admin.start()
    await consumer.start()
    try:
        lags: dict[str, int] = {}
        prefix = stack.config.topic_prefix
        for group in await _groups(admin, skip_down_nodes=skip_down_nodes):
            if not group.startswith(prefix):
                continue
            try:
                lag = await _group_lag(admin, consumer, group)
            except KafkaError:
                if not skip_down_nodes:
                    raise
                continue  # its coordinator or a leader was on the killed node
            if lag is not None:
                lags[group] = lag
        return lags
    finally:
        await consumer.stop()
        await admin.close()


async def _group_lag(
    admin: AIOKafkaAdminClient, consumer: AIOKafkaConsumer, group: str
) -> int | None:
    committed = await admin.list_consumer_group_offsets(group)
    if not committed:
        return None
    ends = await consumer.end_offsets(list(committed))
    return int(sum(ends[tp] - meta.offset for tp, meta in committed.items()))


async def service_lag(stack: Stack, service: str, *, skip_down_nodes: bool = False) -> int:
    """What the service's consumer groups have yet to handle: how busy it is right now."""
    own = f"{stack.config.topic_prefix}samen.{service}."
    lags = await consumer_lag(stack, skip_down_nodes=skip_down_nodes)
    return sum(lag for group, lag in lags.items() if group.startswith(own))


async def backlog(stack: Stack) -> int:
    """Outbox rows not yet published and records not yet handled, over all services."""
    pending = await unpublished(stack)
    lags = await consumer_lag(stack)
    return sum(pending.values()) + sum(lags.values())


async def settled(stack: Stack) -> bool:
    return await backlog(stack) == 0


async def wait_settled(stack: Stack, stalled_after: float = SETTLE_STALL) -> None:
    """Until every outbox is published and every group caught up, twice in a row; for
    as long as the backlog keeps shrinking."""

    async def worked_off() -> float:
        return -float(await backlog(stack))

    await wait_while_progressing(
        _twice(lambda: settled(stack)), worked_off, stalled_after, "the platform to settle"
    )


def _twice(check: Callable[[], Awaitable[bool]]) -> Callable[[], Awaitable[bool]]:
    async def both() -> bool:
        if not await check():
            return False
        await asyncio.sleep(1.0)
        return await check()

    return both
