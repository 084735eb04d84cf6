"""What the plans service erases when a retention period runs out (docs/retention.md).

The OPP versions lose their content (basis and action part) and the groeidocument its
entries' words and test names. Kept: ids, versions, the action part's hash (what the
parents' consent and the audit log point at), dates, statuses and evaluations — the
figures the inspectie reads (OPPs set on time, evaluations held).
"""

from __future__ import annotations

from uuid import UUID

from samen_contract.events.retention import DataKind
from samen_kit.retention.store import pupils_left
from samen_kit.retention.sweep import Eraser
from sqlalchemy import text
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

_OPPS = "SELECT opp_id FROM opp WHERE tenant = :t AND pupil_id = :p"
STATEMENTS = (
    text(
        "UPDATE opp_version SET basis = '{}'::jsonb, action_part = '{}'::jsonb"
        f" WHERE tenant = :t AND opp_id IN ({_OPPS})"
        " AND (basis <> '{}'::jsonb OR action_part <> '{}'::jsonb)"
    ),
    text(
        "UPDATE groeidocument_entry SET text = '', test_name = NULL"
        " WHERE tenant = :t AND pupil_id = :p AND (text <> '' OR test_name IS NOT NULL)"
    ),
)


async def erase_opps(session: AsyncSession, tenant: str, pupil_id: UUID) -> int:
    total = 0
    for statement in STATEMENTS:
        result = await session.execute(statement, {"t": tenant, "p": pupil_id})
        assert isinstance(result, CursorResult)
        total += int(result.rowcount)
    return total


ERASERS = (Eraser(DataKind.OPP_VERSIONS, pupils_left(DataKind.OPP_VERSIONS), erase_opps),)
