"""Per-pupil sequence numbers stamped on every event a service emits.

The upsert takes the row lock of the pupil's counter until the transaction ends, so two
transactions about the same pupil serialise: the later one gets the higher number *and*
commits later, which keeps the outbox in per-pupil order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.tables import PupilSequenceRow


async def next_sequence(session: AsyncSession, tenant: str, subject: str) -> int:
    table = PupilSequenceRow.__table__  # type: ignore[attr-defined]
    stmt = (
        insert(table)
        .values(tenant=tenant, subject=subject, last=1)
        .on_conflict_do_update(
            index_elements=[table.c.tenant, table.c.subject],
            set_={"last": table.c.last + 1},
        )
        .returning(table.c.last)
    )
    return int((await session.execute(stmt)).scalar_one())


async def reserve_sequences(
    session: AsyncSession, subjects: Sequence[tuple[str, str]]
) -> list[int]:
    """The next sequence number for each (tenant, subject), in order, in one statement;
    a subject named twice gets consecutive numbers."""
    counts = Counter(subjects)
    table = PupilSequenceRow.__table__  # type: ignore[attr-defined]
    values = insert(table)
    upsert = values.on_conflict_do_update(
        index_elements=[table.c.tenant, table.c.subject],
        set_={"last": table.c.last + values.excluded.last},
    ).returning(table.c.tenant, table.c.subject, table.c.last)
    # Parameters as a list (executemany): the statement compiles once and is cached,
    # where a multi-row VALUES literal would compile anew for every batch.
    rows = [{"tenant": t, "subject": s, "last": n} for (t, s), n in counts.items()]
    tops = {(row[0], row[1]): int(row[2]) for row in await session.execute(upsert, rows)}
    taken: Counter[tuple[str, str]] = Counter()
    sequences = []
    for key in subjects:
        sequences.append(tops[key] - counts[key] + taken[key] + 1)
        taken[key] += 1
    return sequences
