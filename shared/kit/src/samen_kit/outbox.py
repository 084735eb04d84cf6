"""The transactional outbox: events are rows written in the caller's transaction.

Nothing is published here. The relay (`samen_kit.relay`) publishes committed rows; a
NOTIFY sent in the same transaction wakes it as soon as the commit lands.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NotRequired, TypedDict, Unpack
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


class Emission:
    """One event and its envelope facts, for `EventWriter.emit_many`."""

    def __init__(self, event: Event, **facts: Unpack[Facts]) -> None:
        self.event = event
        self.facts = facts


async def emit(session: AsyncSession, event: Event, **facts: Unpack[Facts]) -> Envelope | None:
    """Write `event` to the outbox in the caller's unit of work; None when an event with
    this id is already there.

    Schedulers pass a deterministic `event_id`, so a second scan (or a second instance)
    that finds the same thing due writes nothing.
    """
    event_id = facts.get("event_id")
    if event_id is not None and await _already_written(session, event_id):
        return None  # a deterministic id seen before: no sequence number spent
    sequence = await next_sequence(session, facts["tenant"], facts["subject"])
    written = await write_records(session, [_envelope(Emission(event, **facts), sequence)], [event])
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
        keys = [(e.facts["tenant"], e.facts["subject"]) for e in emissions]
        sequences = await reserve_sequences(session, keys)
        envelopes = [_envelope(e, s) for e, s in zip(emissions, sequences, strict=True)]
        return await write_records(session, envelopes, [e.event for e in emissions])


def _envelope(emission: Emission, sequence: int) -> Envelope:
    facts: dict[str, Any] = dict(emission.facts)
    event_id = facts.pop("event_id", None)
    return Envelope.for_event(emission.event, sequence=sequence, id=event_id, **facts)


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
