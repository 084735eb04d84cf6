"""Registering an `EventConsumer` with a FastStream Kafka broker.

FastStream owns the Kafka consumer (and the AsyncAPI document); the kit's consumer owns
idempotence, ordering, retries and dead letters. Records arrive in batches (one
transaction per batch on the fast path). Offsets are committed only after the
batch was handled or parked (`AckPolicy.ACK`, auto-commit off).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiokafka import ConsumerRecord
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaMessage
from faststream.message import StreamMessage

from samen_kit.consumer import EventConsumer
from samen_kit.deadletter import FailedRecord
from samen_kit.metrics.instruments import handler_timer

RawBatch = tuple[ConsumerRecord[bytes, bytes], ...]
OriginalParser = Callable[[RawBatch], Awaitable[StreamMessage[Any]]]


async def parse_without_reading(batch: RawBatch, original: OriginalParser) -> StreamMessage[Any]:
    """FastStream's own parser decodes every header as UTF-8 and would fail on a broken
    record before the kit sees it, and `AckPolicy.ACK` would then commit it away. So it
    gets bare copies, and the raw records ride along for the kit to decode and park."""
    bare = tuple(dataclasses.replace(record, headers=(), value=b"") for record in batch)
    message = await original(bare)
    message.raw_message = batch
    return message


async def no_decoding(_message: StreamMessage[Any], _original: object) -> None:
    """The kit decodes the CloudEvents itself; FastStream decodes nothing on the way."""


def failed_record(raw: ConsumerRecord[bytes, bytes]) -> FailedRecord:
    return FailedRecord(
        topic=raw.topic,
        partition=raw.partition,
        offset=raw.offset,
        key=raw.key,
        value=raw.value,
        headers=list(raw.headers),
    )


def subscribe(
    broker: KafkaBroker,
    consumer: EventConsumer,
    *,
    topics: Sequence[str],
    group_id: str,
    description: str = "",
    max_records: int = 500,
) -> None:
    async def on_batch(msg: KafkaMessage) -> None:
        records: tuple[ConsumerRecord[bytes, bytes], ...] = msg.raw_message  # type: ignore[assignment]
        with handler_timer(consumer.name):
            await consumer.handle_batch([failed_record(raw) for raw in records])

    on_batch.__name__ = consumer.name.replace(".", "_")
    broker.subscriber(
        *topics,
        batch=True,
        max_records=max_records,
        # Let the broker gather a batch worth a transaction (at most 50 ms of latency):
        # without it a consumer that keeps up gets one record per poll.
        fetch_min_bytes=32 * 1024,
        fetch_max_wait_ms=50,
        group_id=group_id,
        ack_policy=AckPolicy.ACK,
        parser=parse_without_reading,
        decoder=no_decoding,
        auto_offset_reset="earliest",
        max_poll_interval_ms=600_000,
        title=f"{consumer.name}:{','.join(topics)}",
        description=description or consumer.name,
    )(on_batch)
