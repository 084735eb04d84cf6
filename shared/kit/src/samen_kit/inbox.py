"""The inbox: a consumer records each handled event in the transaction of its effect.

A redelivered event then finds its id already there and does nothing; an event older
than one already applied for the same pupil is ignored, so it cannot undo a later fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from uuid import UUID

from sqlalchemy import select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.tables import AppliedSequenceRow, InboxRow


async def claim_many(session: AsyncSession, consumer: str, event_ids: Sequence[UUID]) -> set[UUID]:
    """The ids among `event_ids` that `consumer` sees for the first time (one statement)."""
    if not event_ids:
        return set()
    table = InboxRow.__table__  # type: ignore[attr-defined]
    stmt = insert(table).on_conflict_do_nothing().returning(table.c.event_id)
    rows = [{"consumer": consumer, "event_id": event_id} for event_id in set(event_ids)]
    return set((await session.execute(stmt, rows)).scalars())


async def applied_sequences(
    session: AsyncSession, consumer: str, keys: Iterable[tuple[str, str, str]]
) -> dict[tuple[str, str, str], int]:
    """The highest applied sequence per (source, tenant, subject), locked for this batch."""
    table = AppliedSequenceRow.__table__  # type: ignore[attr-defined]
    wanted = set(keys)
    if not wanted:
        return {}
    stmt = (
        select(table.c.source, table.c.tenant, table.c.subject, table.c.last)
        .where(table.c.consumer == consumer)
        .where(tuple_(table.c.source, table.c.tenant, table.c.subject).in_(list(wanted)))
        .with_for_update()
    )
    return {(r[0], r[1], r[2]): int(r[3]) for r in await session.execute(stmt)}


async def store_sequences(
    session: AsyncSession, consumer: str, latest: dict[tuple[str, str, str], int]
) -> None:
    if not latest:
        return
    table = AppliedSequenceRow.__table__  # type: ignore[attr-defined]
    values = insert(table)
    rows = [
        {"consumer": consumer, "source": s, "tenant": t, "subject": subj, "last": last}
        for (s, t, subj), last in latest.items()
    ]
    await session.execute(
        values.on_conflict_do_update(
            index_elements=[table.c.consumer, table.c.source, table.c.tenant, table.c.subject],
            set_={"last": values.excluded.last},
            where=table.c.last < values.excluded.last,
        ),
        rows,
    )
