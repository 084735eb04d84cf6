"""The transactional outbox: events are rows written in the caller's transaction.

Nothing is published here. The relay (`samen_kit.relay`) publishes committed rows; a
NOTIFY sent in the same transaction wakes it as soon as the commit lands.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from samen_contract import Envelope, Event
from samen_contract.codec import encode
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.sequence import next_sequence
from samen_kit.tables import OutboxRow

OUTBOX_CHANNEL = "samen_outbox"


class EventWriter:
    """Stamps envelopes for one service and writes them to its outbox."""

    def __init__(self, service: str) -> None:
        self.service = service

    async def emit(
        self,
        session: AsyncSession,
        event: Event,
        *,
        tenant: str,
        subject: str,
        actor: str,
        board: str | None = None,
        school: str | None = None,
        correlationid: str | None = None,
        causationid: str | None = None,
        event_id: UUID | None = None,
        time: datetime | None = None,
    ) -> Envelope | None:
        """Write `event` to the outbox; None when an event with this id is already there.

        Schedulers pass a deterministic `event_id`, so a second scan (or a second
        instance) that finds the same thing due writes nothing.
        """
        sequence = await next_sequence(session, tenant, subject)
        envelope = Envelope.for_event(
            event,
            tenant=tenant,
            subject=subject,
            actor=actor,
            sequence=sequence,
            board=board,
            school=school,
            correlationid=correlationid,
            causationid=causationid,
            id=event_id,
            time=time,
        )
        if not await write_record(session, envelope, event):
            return None
        return envelope


async def write_record(session: AsyncSession, envelope: Envelope, event: Event) -> bool:
    record = encode(envelope, event)
    table = OutboxRow.__table__  # type: ignore[attr-defined]
    stmt = (
        insert(table)
        .values(
            event_id=UUID(envelope.id),
            topic=record.topic,
            key=record.key,
            value=record.value,
            headers=[[name, value.decode()] for name, value in record.headers],
        )
        .on_conflict_do_nothing(index_elements=[table.c.event_id])
        .returning(table.c.id)
    )
    inserted = (await session.execute(stmt)).scalar_one_or_none() is not None
    if inserted:
        # Delivered at commit, dropped at rollback: exactly the semantics the relay needs.
        await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": OUTBOX_CHANNEL})
    return inserted
