"""What the disputes service erases when a retention period runs out (docs/retention.md).

The clock starts when the pupil's last dispute ended (decided, resolved or withdrawn);
while one is open nothing goes. The description, the reasons given with each move and
the notes go. Kept: ids, subjects, stages, moves, outcomes, advice and dates — the
timelines the inspectie's report draws.

A pupil's dispute files are erased once: a dispute opened after that erasure is kept
until an erasure on request or a later release of this service (docs/retention.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from samen_contract.events.retention import DataKind
from samen_kit.retention.store import Ending
from samen_kit.retention.sweep import Eraser
from sqlalchemy import text
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

_ENDED = text(
    """
    SELECT d.tenant, d.pupil_id, (max(d.ended_at) AT TIME ZONE 'UTC')::date
    FROM dispute d
    WHERE NOT EXISTS (SELECT 1 FROM retention_erasure e WHERE e.tenant = d.tenant
                      AND e.pupil_id = d.pupil_id AND e.kind = :kind)
    GROUP BY d.tenant, d.pupil_id
    HAVING bool_and(d.ending IS NOT NULL AND d.ended_at IS NOT NULL)
    """
)
_DISPUTES = "SELECT id FROM dispute WHERE tenant = :t AND pupil_id = :p"
STATEMENTS = (
    text(
        "UPDATE dispute SET description = ''"
        " WHERE tenant = :t AND pupil_id = :p AND description <> ''"
    ),
    text(
        "UPDATE dispute_move SET reason = NULL"
        f" WHERE tenant = :t AND dispute_id IN ({_DISPUTES}) AND reason IS NOT NULL"
    ),
    text(
        "UPDATE dispute_note SET text = ''"
        f" WHERE tenant = :t AND dispute_id IN ({_DISPUTES}) AND text <> ''"
    ),
)


async def disputes_ended(session: AsyncSession) -> Sequence[Ending]:
    rows = await session.execute(_ENDED, {"kind": DataKind.DISPUTE_FILES.value})
    return [Ending(*row) for row in rows]


async def erase_dispute_files(session: AsyncSession, tenant: str, pupil_id: UUID) -> int:
    total = 0
    for statement in STATEMENTS:
        result = await session.execute(statement, {"t": tenant, "p": pupil_id})
        assert isinstance(result, CursorResult)
        total += int(result.rowcount)
    return total


ERASERS = (Eraser(DataKind.DISPUTE_FILES, disputes_ended, erase_dispute_files),)
