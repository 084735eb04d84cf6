"""Registering an `EventConsumer` with a FastStream Kafka broker.

FastStream owns the Kafka consumer (and the AsyncAPI document); the kit's consumer owns
idempotence, ordering, retries and dead letters. Offsets are committed only after the
record was handled or parked (`AckPolicy.ACK`, auto-commit off).
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
) -> None:
    async def on_message(msg: KafkaMessage) -> None:
        await consumer.handle_record(failed_record(msg.raw_message))  # type: ignore[arg-type]

    on_message.__name__ = consumer.name.replace(".", "_")
    broker.subscriber(
        *topics,
        group_id=group_id,
        ack_policy=AckPolicy.ACK,
        auto_offset_reset="earliest",
        max_poll_interval_ms=600_000,
        title=f"{consumer.name}:{','.join(topics)}",
        description=description or consumer.name,
    )(on_message)
