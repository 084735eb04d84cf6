"""Per-pupil sequence numbers stamped on every event a service emits.

The upsert takes the row lock of the pupil's counter until the transaction ends, so two
transactions about the same pupil serialise: the later one gets the higher number *and*
commits later, which keeps the outbox in per-pupil order.
"""

from __future__ import annotations

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
