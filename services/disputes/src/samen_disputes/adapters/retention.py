"""What the disputes service erases when a retention period runs out (docs/retention.md).

The clock starts when the pupil's last dispute ended (decided, resolved or withdrawn);
while one is open nothing goes. The description, the reasons given with each move and
the notes go. Kept: ids, subjects, stages, moves, outcomes, advice and dates — the
timelines the inspectie's report draws.

A pupil's dispute files are erased once: a dispute opened after that erasure is kept
until an erasure on request or a later release of this service (docs/retention.md).
"""

from __future__ import annotations

from samen_contract.events.retention import DataKind
from samen_kit.retention.store import endings_from, erasing
from samen_kit.retention.sweep import Eraser
from sqlalchemy import text

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


_KIND = DataKind.DISPUTE_FILES
ERASERS = (Eraser(_KIND, endings_from(_ENDED, _KIND.value), erasing(*STATEMENTS)),)
