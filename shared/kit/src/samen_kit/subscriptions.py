"""Registering an `EventConsumer` with a FastStream Kafka broker.

FastStream owns the Kafka consumer (and the AsyncAPI document); the kit's consumer owns
idempotence, ordering, retries and dead letters. Records arrive in batches (one
transaction per batch on the fast path). Offsets are committed only after the
batch was handled or parked (`AckPolicy.ACK`, auto-commit off).
"""

from __future__ import annotations

from collections.abc import Sequence

from aiokafka import ConsumerRecord
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaMessage

from samen_kit.consumer import EventConsumer
from samen_kit.deadletter import FailedRecord


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
        await consumer.handle_batch([failed_record(raw) for raw in records])

    on_batch.__name__ = consumer.name.replace(".", "_")
    broker.subscriber(
        *topics,
        batch=True,
        max_records=max_records,
        group_id=group_id,
        ack_policy=AckPolicy.ACK,
        auto_offset_reset="earliest",
        max_poll_interval_ms=600_000,
        title=f"{consumer.name}:{','.join(topics)}",
        description=description or consumer.name,
    )(on_batch)
