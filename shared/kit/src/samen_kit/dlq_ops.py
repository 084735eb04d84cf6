"""Operator actions on dead-letter topics: list what is parked, replay it.

Replay reads the dead-letter topic with a consumer group of its own, sends each
original record (its own key, value and headers) back to the topic it came from, and
commits, so a second replay does not send the same letters again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from samen_kit.deadletter import dlq_info, original_headers


@dataclass(frozen=True)
class ParkedLetter:
    offset: int
    event_id: str | None
    event_type: str | None
    info: dict[str, str]


def _header(headers: Sequence[tuple[str, bytes]], name: str) -> str | None:
    return next((v.decode() for k, v in headers if k == name), None)


async def list_dead_letters(bootstrap: str, dlq_topic: str) -> list[ParkedLetter]:
    partitions = await _partitions(bootstrap, dlq_topic)
    if not partitions:
        return []
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        letters: list[ParkedLetter] = []
        while await _behind(consumer, ends):
            batch = await consumer.getmany(timeout_ms=1000)
            for records in batch.values():
                for r in records:
                    headers = list(r.headers)
                    letters.append(
                        ParkedLetter(
                            offset=r.offset,
                            event_id=_header(headers, "ce_id"),
                            event_type=_header(headers, "ce_type"),
                            info=dlq_info(headers),
                        )
                    )
        return letters
    finally:
        await consumer.stop()


async def _behind(consumer: AIOKafkaConsumer, ends: dict[TopicPartition, int]) -> bool:
    """True while some partition has records this consumer has not read yet."""
    for tp, end in ends.items():
        if await consumer.position(tp) < end:
            return True
    return False


async def _partitions(bootstrap: str, topic: str) -> list[TopicPartition]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        (description,) = await admin.describe_topics([topic])
    finally:
        await admin.close()
    return [TopicPartition(topic, p["partition"]) for p in description["partitions"]]


async def replay_dead_letters(bootstrap: str, dlq_topic: str, *, group_id: str) -> int:
    """Send every letter not replayed before back to its original topic."""
    consumer = AIOKafkaConsumer(
        dlq_topic,
        bootstrap_servers=bootstrap,
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await consumer.start()
    await producer.start()
    replayed = 0
    try:
        partitions = await _assigned(consumer)
        ends = await consumer.end_offsets(partitions)
        while await _behind(consumer, ends):
            batch = await consumer.getmany(timeout_ms=1000)
            for records in batch.values():
                for r in records:
                    headers = list(r.headers)
                    topic = dlq_info(headers)["topic"]
                    await producer.send_and_wait(
                        topic, key=r.key, value=r.value, headers=original_headers(headers)
                    )
                    replayed += 1
            await consumer.commit()
        return replayed
    finally:
        await consumer.stop()
        await producer.stop()


async def _assigned(consumer: AIOKafkaConsumer, within: float = 60.0) -> list[TopicPartition]:
    """Wait until the group gave this consumer its partitions (joining takes a moment)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not consumer.assignment():
        if loop.time() > deadline:
            raise TimeoutError("no partitions assigned to the replay consumer")
        await asyncio.sleep(0.1)
    return sorted(consumer.assignment())
