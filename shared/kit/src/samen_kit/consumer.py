"""Consuming events: decode, dedupe, order, handle, retry, dead-letter.

Each record is handled in one unit of work together with its inbox row. A consumer may
also declare batch handlers per event type: each gets every claimed event of its type
in the batch at once (at most one per pupil, `samen_kit.waves`) and applies them in one
statement, in the transaction that claims them. Failures of the
infrastructure (database or broker unreachable) are retried with capped backoff for as
long as they last: parking an event because PostgreSQL restarted would be wrong.
Failures of the handler itself are retried a bounded number of times with backoff and
then parked on the dead-letter topic; the consumer goes on with the next record.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import structlog
from samen_contract import Envelope, Event
from samen_contract.codec import decode
from samen_contract.errors import MalformedRecord
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.deadletter import AbstractDeadLetterSink, DeadLetter, FailedRecord
from samen_kit.inbox import applied_sequences, claim_many, store_sequences
from samen_kit.logging import bind_event_context, clear_event_context
from samen_kit.metrics.instruments import count_dead_letter
from samen_kit.tracing import consuming, consuming_batch
from samen_kit.transient import is_transient
from samen_kit.waves import waves

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class Delivery:
    """What a handler receives: the envelope, the typed event (None for an unknown
    type, which most handlers ignore) and the raw data."""

    envelope: Envelope
    event: Event | None
    data: dict[str, Any]
    record: FailedRecord


Handler = Callable[[AsyncSession, Delivery], Awaitable[None]]
# Receives the claimed, in-order deliveries of one event type, at most one per
# (source, tenant, subject), in that key's order; raises if any of them cannot be
# applied (the kit then applies the batch record by record and parks the bad one).
BatchHandler = Callable[[AsyncSession, Sequence[Delivery]], Awaitable[None]]


def _seq_key(delivery: Delivery) -> tuple[str, str, str]:
    env = delivery.envelope
    return (env.source, env.tenant, env.subject)


class EventConsumer:
    def __init__(
        self,
        *,
        name: str,
        handler: Handler,
        batch_handlers: Mapping[type[Event], BatchHandler] | None = None,
        sessions: async_sessionmaker[AsyncSession],
        dead_letters: AbstractDeadLetterSink,
        dlq_topic: str,
        max_attempts: int = 3,
        backoff: float = 0.2,
        max_backoff: float = 30.0,
    ) -> None:
        self.name = name
        self._handler = handler
        self._batch_handlers = dict(batch_handlers or {})
        self._sessions = sessions
        self._dead_letters = dead_letters
        self._dlq_topic = dlq_topic
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._max_backoff = max_backoff

    async def handle_batch(self, records: Sequence[FailedRecord]) -> None:
        """Handle a poll's worth of records in one transaction (the fast path).

        If any record's handler fails, nothing of the batch is kept and each record is
        handled as a batch of one, so a poison record is retried and parked alone.
        """
        deliveries = [d for d in [await self._decode_or_park(r) for r in records] if d]
        if len(deliveries) > 1 and await self._commit(deliveries, attempts=1) is None:
            return
        for delivery in deliveries:
            await self._handle_one(delivery)

    async def _decode_or_park(self, record: FailedRecord) -> Delivery | None:
        try:
            envelope, event, data = decode(record.value or b"", record.headers)
        except MalformedRecord as exc:
            await self._park(record, "malformed", str(exc), attempts=0)
            return None
        except Exception as exc:
            await self._park(record, "malformed", type(exc).__name__, attempts=0)
            return None
        return Delivery(envelope=envelope, event=event, data=data, record=record)

    async def _handle_one(self, delivery: Delivery) -> None:
        envelope = delivery.envelope
        bind_event_context(
            tenant=envelope.tenant, correlationid=envelope.correlationid, event_id=envelope.id
        )
        try:
            failure = await self._commit([delivery], attempts=self._max_attempts)
            if failure is not None:
                await self._park(
                    delivery.record, "handler_failed", repr(failure), self._max_attempts
                )
        finally:
            clear_event_context()

    async def _commit(self, deliveries: list[Delivery], *, attempts: int) -> Exception | None:
        """Apply `deliveries` in one transaction: infrastructure failures are retried for
        as long as they last, handler failures `attempts` times; returns the handler's
        last failure when those ran out."""
        failures = 0
        delay = self._backoff
        while True:
            try:
                async with self._sessions() as session, session.begin():
                    await self._apply_batch(session, deliveries)
                return None
            except Exception as exc:
                if is_transient(exc):
                    log.warning("consumer.transient_failure", consumer=self.name, error=repr(exc))
                else:
                    failures += 1
                    log.warning(
                        "consumer.handler_failed",
                        consumer=self.name,
                        records=len(deliveries),
                        attempt=failures,
                        error=repr(exc),
                    )
                    if failures >= attempts:
                        return exc
                await asyncio.sleep(delay)
                delay = min(delay * 2, self._max_backoff)

    async def _apply_batch(self, session: AsyncSession, deliveries: list[Delivery]) -> None:
        """Apply deliveries in one unit of work: the inbox and the sequence bookkeeping
        take three statements per batch, not two per record; with batch handlers, the
        effect takes one statement per wave and event type, not one per record."""
        fresh = await claim_many(session, self.name, [UUID(d.envelope.id) for d in deliveries])
        applied = await applied_sequences(session, self.name, (_seq_key(d) for d in deliveries))
        latest: dict[tuple[str, str, str], int] = {}
        accepted: list[Delivery] = []
        # In pupil order (a stable sort keeps each pupil's own order): two transactions
        # touching the same pupils then lock their rows in the same order, not deadlock.
        for delivery in sorted(deliveries, key=_seq_key):
            event_id = UUID(delivery.envelope.id)
            if event_id not in fresh:
                continue  # a repeat: handled before, or earlier in this batch
            fresh.discard(event_id)
            key = _seq_key(delivery)
            if delivery.envelope.sequence <= latest.get(key, applied.get(key, 0)):
                log.info("consumer.stale_ignored", consumer=self.name)
                continue
            latest[key] = delivery.envelope.sequence
            accepted.append(delivery)
        if self._batch_handlers:
            for wave in waves(accepted, _seq_key):
                await self._apply_wave(session, wave)
        else:
            for delivery in accepted:
                await self._apply_one(session, delivery)
        await store_sequences(session, self.name, latest)

    async def _apply_wave(self, session: AsyncSession, wave: list[Delivery]) -> None:
        """One event per pupil: those with a batch handler go to it a type at a time,
        the rest to the record handler (their order within the wave does not matter,
        as no two are about the same pupil)."""
        batches: dict[type[Event], list[Delivery]] = {}
        for delivery in wave:
            kind = type(delivery.event)
            if delivery.event is not None and kind in self._batch_handlers:
                batches.setdefault(kind, []).append(delivery)
            else:
                await self._apply_one(session, delivery)
        for kind, batch in batches.items():
            records = [(d.record.topic, d.record.headers) for d in batch]
            with consuming_batch(self.name, batch[0].envelope.type, records):
                await self._batch_handlers[kind](session, batch)

    async def _apply_one(self, session: AsyncSession, delivery: Delivery) -> None:
        record, envelope = delivery.record, delivery.envelope
        with consuming(self.name, record.topic, envelope.id, envelope.type, record.headers):
            await self._handler(session, delivery)

    async def _park(self, record: FailedRecord, reason: str, error: str, attempts: int) -> None:
        letter = DeadLetter(
            consumer=self.name, reason=reason, error=error, attempts=attempts, record=record
        )
        while True:
            try:
                await self._dead_letters.park(self._dlq_topic, letter)
                break
            except Exception as exc:
                log.warning("consumer.dlq_unavailable", consumer=self.name, error=repr(exc))
                await asyncio.sleep(self._backoff)
        count_dead_letter(self.name, reason)
        log.error(
            "consumer.parked",
            consumer=self.name,
            reason=reason,
            topic=record.topic,
            offset=record.offset,
        )
