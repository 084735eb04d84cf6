"""The inbox: a consumer records each handled event in the transaction of its effect.

A redelivered event then finds its id already there and does nothing; an event older
than one already applied for the same pupil is ignored, so it cannot undo a later fact.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.tables import AppliedSequenceRow, InboxRow


async def claim(session: AsyncSession, consumer: str, event_id: UUID) -> bool:
    """True the first time `consumer` sees `event_id`; False for every repeat."""
    table = InboxRow.__table__  # type: ignore[attr-defined]
    stmt = (
        insert(table)
        .values(consumer=consumer, event_id=event_id)
        .on_conflict_do_nothing()
        .returning(table.c.event_id)
    )
    return (await session.execute(stmt)).scalar_one_or_none() is not None


async def advance_sequence(
    session: AsyncSession, *, consumer: str, source: str, tenant: str, subject: str, sequence: int
) -> bool:
    """Record `sequence` as applied; False (and nothing changed) when it is not newer."""
    table = AppliedSequenceRow.__table__  # type: ignore[attr-defined]
    stmt = (
        insert(table)
        .values(consumer=consumer, source=source, tenant=tenant, subject=subject, last=sequence)
        .on_conflict_do_update(
            index_elements=[table.c.consumer, table.c.source, table.c.tenant, table.c.subject],
            set_={"last": sequence},
            where=table.c.last < sequence,
        )
        .returning(table.c.last)
    )
    return (await session.execute(stmt)).scalar_one_or_none() is not None
