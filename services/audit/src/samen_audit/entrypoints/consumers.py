"""The audit log's own subscription to every event topic.

The kit's consumer parks malformed records on a dead-letter topic and hands handlers
only what decodes; the trail must keep everything, broken records included. So this
subscriber reads raw records: every one becomes a leaf (flagged when it cannot be
read), in one transaction per poll. Offsets are committed only after that commit
(`AckPolicy.ACK`). A batch that cannot be written is retried until it can: the log
waits rather than skip a fact.

FastStream's own parser decodes every header as UTF-8 and its decoder parses JSON
bodies: one bad byte fails the batch before any handler runs, and `AckPolicy.ACK`
then commits its offsets — the records would be gone. So FastStream is shown records
without headers or bodies, and the handler reads the originals.
"""

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import structlog
from aiokafka import ConsumerRecord
from faststream import AckPolicy
from faststream.kafka import KafkaMessage
from faststream.message import StreamMessage
from samen_contract.registry import event_class_for
from samen_contract.topics import SERVICES, events_topic
from samen_kit.service import ServiceRuntime

from samen_audit.domain.records import LeafRecord, RecordPosition, leaf_record
from samen_audit.handlers.appending import Appended, append_batch

log = structlog.get_logger(__name__)

MAX_BACKOFF_SECONDS = 30.0


def is_known_type(event_type: str) -> bool:
    return event_class_for(event_type) is not None


def to_leaf_record(raw: ConsumerRecord[bytes, bytes]) -> LeafRecord:
    position = RecordPosition(raw.topic, raw.partition, raw.offset)
    return leaf_record(position, list(raw.headers), raw.value, is_known_type)


RawBatch = tuple[ConsumerRecord[bytes, bytes], ...]
OriginalParser = Callable[[RawBatch], Awaitable[StreamMessage[Any]]]


async def parse_without_reading(batch: RawBatch, original: OriginalParser) -> StreamMessage[Any]:
    """FastStream's message for the batch, built from bare copies; the originals ride along."""
    bare = tuple(dataclasses.replace(record, headers=(), value=b"") for record in batch)
    message = await original(bare)
    message.raw_message = batch
    return message


async def no_decoding(message: StreamMessage[Any], original: object) -> None:
    """The handler reads raw records itself; nothing is decoded on the way."""


class LogAppender:
    """Appends polled batches, retrying with capped backoff until the batch is in."""

    def __init__(self, runtime: ServiceRuntime, backoff: float) -> None:
        self._runtime = runtime
        self._backoff = backoff

    async def append(self, raws: Sequence[ConsumerRecord[bytes, bytes]]) -> Appended:
        """Never raises (but for cancellation): with `AckPolicy.ACK` an error would commit
        the batch's offsets, and the log would miss it."""
        delay = self._backoff
        while True:
            try:
                records = [to_leaf_record(raw) for raw in raws]
                appended = await append_batch(
                    self._runtime.sessions, records, self._runtime.clock.now()
                )
            except Exception as error:  # anything: the batch must not be lost
                log.warning("audit.append.retrying", records=len(raws), error=repr(error))
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_BACKOFF_SECONDS)
                continue
            log.debug("audit.append.done", leaves=appended.total)
            return appended


def subscribe_log(runtime: ServiceRuntime, appender: LogAppender, *, max_records: int) -> None:
    """One subscriber (and consumer group) per source service's topic."""
    for source in SERVICES:
        topic = runtime.topic(events_topic(source))
        runtime.consumed_topics.add(topic)
        _subscribe(runtime, appender, source, topic, max_records)


def _subscribe(
    runtime: ServiceRuntime, appender: LogAppender, source: str, topic: str, max_records: int
) -> None:
    async def on_batch(msg: KafkaMessage) -> None:
        raws: tuple[ConsumerRecord[bytes, bytes], ...] = msg.raw_message  # type: ignore[assignment]
        await appender.append(raws)

    on_batch.__name__ = f"audit_log_{source}"
    runtime.broker.subscriber(
        topic,
        batch=True,
        max_records=max_records,
        group_id=runtime.topic(f"samen.audit.log.{source}"),
        ack_policy=AckPolicy.ACK,
        parser=parse_without_reading,
        decoder=no_decoding,
        auto_offset_reset="earliest",
        max_poll_interval_ms=600_000,
        title=f"audit.log:{events_topic(source)}",
        description=(
            f"Every record of {events_topic(source)} becomes a leaf of its tenant's log,"
            " whole and canonicalised (RFC 8785); unknown types and broken records are kept"
            " raw and flagged, records naming no readable tenant go to the platform log."
        ),
    )(on_batch)
