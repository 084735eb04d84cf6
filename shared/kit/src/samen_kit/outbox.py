"""The transactional outbox: events are rows written in the caller's transaction.

Nothing is published here. The relay (`samen_kit.relay`) publishes committed rows; a
NOTIFY sent in the same transaction wakes it as soon as the commit lands. Sequence
reservation, the insert and the NOTIFY are one statement sent on the session's own
connection: one round trip per unit of work, not four.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NotRequired, TypedDict, Unpack
from uuid import UUID

from samen_contract import Envelope, Event
from samen_contract.codec import CE_PREFIX, encode
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit import outbox_statements as statements
from samen_kit.driver import driver_connection
from samen_kit.tables import OutboxRow
from samen_kit.tracing import trace_headers

OUTBOX_CHANNEL = "samen_outbox"
SEQUENCE_HEADER = CE_PREFIX + "sequence"
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
    that finds the same thing due writes nothing. One statement reserves the pupil's
    next sequence number, writes the row and notifies the relay (`statements.EMIT_ONE`).
    """
    emission = Emission(event, **facts)
    draft = _envelope(emission, _DRAFT_SEQUENCE)
    record = encode(draft, event)
    conn = await driver_connection(session)
    row = await conn.fetchrow(
        statements.EMIT_ONE,
        UUID(draft.id),
        facts["tenant"],
        facts["subject"],
        record.topic,
        record.key,
        record.value,
        _headers_json(record.headers),
        _sequence_at(record.headers),
        OUTBOX_CHANNEL,
    )
    if row is None:
        return None  # a deterministic id seen before: no sequence number spent
    return draft.model_copy(update={"sequence": int(row["sequence"])})


class EventWriter:
    """Writes many events at once for one service; one event goes through `emit`."""

    emit = staticmethod(emit)  # the same function, for callers holding the writer

    def __init__(self, service: str) -> None:
        self.service = service

    async def emit_many(
        self, session: AsyncSession, emissions: Sequence[Emission]
    ) -> list[Envelope]:
        """Write many events in one statement (imports, broadcasts); returns those
        written, leaving out ids already in the outbox."""
        if not emissions:
            return []
        drafts = [_envelope(e, _DRAFT_SEQUENCE) for e in emissions]
        records = [encode(d, e.event) for d, e in zip(drafts, emissions, strict=True)]
        conn = await driver_connection(session)
        rows = await conn.fetch(
            statements.EMIT_MANY,
            [UUID(d.id) for d in drafts],
            [e.facts["tenant"] for e in emissions],
            [e.facts["subject"] for e in emissions],
            [r.topic for r in records],
            [r.key for r in records],
            [r.value for r in records],
            [_headers_json(r.headers) for r in records],
            [_sequence_at(r.headers) for r in records],
            OUTBOX_CHANNEL,
        )
        numbered = {int(row["ord"]): int(row["sequence"]) for row in rows if row["written"]}
        return [
            draft.model_copy(update={"sequence": numbered[number]})
            for number, draft in enumerate(drafts, start=1)
            if number in numbered
        ]


# Encoded first, numbered in the statement: the sequence lives only in the headers.
_DRAFT_SEQUENCE = 1


def _headers_json(headers: Sequence[tuple[str, bytes]]) -> str:
    # The trace context goes last, so the `ce_sequence` index stays where it was.
    return json.dumps([[name, value.decode()] for name, value in _traced(headers)])


def _traced(headers: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The headers with the current trace context (the request's or handler's span) as
    the CloudEvents distributed-tracing extension; the relay continues the trace."""
    return [*headers, *trace_headers()]


def _sequence_at(headers: Sequence[tuple[str, bytes]]) -> int:
    """Where the `ce_sequence` header sits, for the statement to fill in its value."""
    return next(i for i, (name, _) in enumerate(headers) if name == SEQUENCE_HEADER)


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
                "headers": [[name, value.decode()] for name, value in _traced(record.headers)],
            }
        )
    stmt = insert(table).on_conflict_do_nothing(index_elements=[table.c.event_id])
    result = await session.execute(stmt.returning(table.c.event_id), rows)
    inserted = {str(event_id) for event_id in result.scalars()}
    if inserted:
        await _notify_once(session)
    return [envelope for envelope in envelopes if envelope.id in inserted]


async def _notify_once(session: AsyncSession) -> None:
    """NOTIFY is delivered at commit and dropped at rollback: exactly what the relay
    needs. Once per transaction is enough (PostgreSQL folds repeats anyway)."""
    transaction = session.get_transaction()
    if session.info.get(_NOTIFIED) is transaction:
        return
    await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": OUTBOX_CHANNEL})
    session.info[_NOTIFIED] = transaction
