"""The transactional outbox: events are rows written in the caller's transaction.

Nothing is published here. The relay (`samen_kit.relay`) publishes committed rows; a
NOTIFY sent in the same transaction wakes it as soon as the commit lands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NotRequired, TypedDict, Unpack
from uuid import UUID

from samen_contract import Envelope, Event
from samen_contract.codec import encode
from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.sequence import next_sequence, reserve_sequences
from samen_kit.tables import OutboxRow

OUTBOX_CHANNEL = "samen_outbox"
_NOTIFIED = "samen_outbox_notified"


class Facts(TypedDict):
    """An event's envelope facts: its tenant, its subject (the key: a pupil, or the
    tenant), who caused it and, optionally, where and why."""

    tenant: str
    subject: str
    actor: str
    board: NotRequired[str | None]
    school: NotRequired[str | None]
    correlationid: NotRequired[str | None]
    causationid: NotRequired[str | None]
    event_id: NotRequired[UUID | None]  # deterministic ids make a repeat write nothing
    time: NotRequired[datetime | None]


@dataclass(frozen=True)
class Emission:
    """One event and its envelope facts, for `EventWriter.emit_many`."""

    event: Event
    tenant: str
    subject: str
    actor: str
    board: str | None = None
    school: str | None = None
    correlationid: str | None = None
    causationid: str | None = None
    event_id: UUID | None = None
    time: datetime | None = None


async def emit(session: AsyncSession, event: Event, **facts: Unpack[Facts]) -> Envelope | None:
    """Write `event` to the outbox in the caller's unit of work; None when an event with
    this id is already there.

    Schedulers pass a deterministic `event_id`, so a second scan (or a second instance)
    that finds the same thing due writes nothing.
    """
    event_id = facts.get("event_id")
    if event_id is not None and await _already_written(session, event_id):
        return None  # a deterministic id seen before: no sequence number spent
    emission = Emission(event, **facts)
    sequence = await next_sequence(session, emission.tenant, emission.subject)
    written = await write_records(session, [_envelope(emission, sequence)], [event])
    return written[0] if written else None


class EventWriter:
    """Writes many events at once for one service; one event goes through `emit`."""

    emit = staticmethod(emit)  # the same function, for callers holding the writer

    def __init__(self, service: str) -> None:
        self.service = service

    async def emit_many(
        self, session: AsyncSession, emissions: Sequence[Emission]
    ) -> list[Envelope]:
        """Write many events in two statements (imports, broadcasts); returns those
        written, leaving out ids already in the outbox."""
        if not emissions:
            return []
        sequences = await reserve_sequences(session, [(e.tenant, e.subject) for e in emissions])
        envelopes = [_envelope(e, s) for e, s in zip(emissions, sequences, strict=True)]
        return await write_records(session, envelopes, [e.event for e in emissions])


def _envelope(emission: Emission, sequence: int) -> Envelope:
    return Envelope.for_event(
        emission.event,
        tenant=emission.tenant,
        subject=emission.subject,
        actor=emission.actor,
        sequence=sequence,
        board=emission.board,
        school=emission.school,
        correlationid=emission.correlationid,
        causationid=emission.causationid,
        id=emission.event_id,
        time=emission.time,
    )


async def write_records(
    session: AsyncSession, envelopes: Sequence[Envelope], events: Sequence[Event]
) -> list[Envelope]:
    """Insert outbox rows (skipping ids already there); returns the envelopes written."""
    table = OutboxRow.__table__  # type: ignore[attr-defined]
    rows = []
    for envelope, event in zip(envelopes, events, strict=True):
        record = encode(envelope, event)
        rows.append(
            {
                "event_id": UUID(envelope.id),
                "topic": record.topic,
                "key": record.key,
                "value": record.value,
                "headers": [[name, value.decode()] for name, value in record.headers],
            }
        )
    stmt = insert(table).on_conflict_do_nothing(index_elements=[table.c.event_id])
    result = await session.execute(stmt.returning(table.c.event_id), rows)
    inserted = {str(event_id) for event_id in result.scalars()}
    if inserted:
        await _notify_once(session)
    return [envelope for envelope in envelopes if envelope.id in inserted]


async def _already_written(session: AsyncSession, event_id: UUID) -> bool:
    table = OutboxRow.__table__  # type: ignore[attr-defined]
    found = await session.execute(select(table.c.id).where(table.c.event_id == event_id))
    return found.first() is not None


async def _notify_once(session: AsyncSession) -> None:
    """NOTIFY is delivered at commit and dropped at rollback: exactly what the relay
    needs. Once per transaction is enough (PostgreSQL folds repeats anyway)."""
    transaction = session.get_transaction()
    if session.info.get(_NOTIFIED) is transaction:
        return
    await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": OUTBOX_CHANNEL})
    session.info[_NOTIFIED] = transaction
