"""Access records go five years after they were recorded (`DataKind.ACCESS_RECORDS`):
each record has a clock of its own, so there is no per-pupil claim as in `sweep`; a
record whose period ran out is deleted, per tenant, in one statement.

Idempotent and safe when two instances purge at once: a DELETE is its own claim — the
second waits on the rows the first deletes, finds them gone and deletes nothing more.
No `PersonalDataErased` is emitted: that fact names one pupil and one erasure, while
this is a rolling window over records that mostly name no pupil (refusal windows,
token uses); the audit log keeps its own access entries' leaves and erases their bodies
on the same rule (docs/retention.md). Records about a pupil under a legal hold stay.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import structlog
from samen_contract.events.retention import DataKind
from sqlalchemy import ColumnElement, Date, Table, and_, delete, or_, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.clock import Clock
from samen_kit.db import unit_of_work
from samen_kit.retention.aging import due_before, last_day_due
from samen_kit.retention.policy import Overrides, RetentionRule, policy_for
from samen_kit.retention.tables import HOLD

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class AgedRecords:
    """A table of access records, each kept from the moment (or day) it was recorded."""

    table: Table
    recorded: str  # the column: a date, or a moment (compared by its UTC day)
    pupil: str | None = None  # records about a pupil stay while a legal hold is open
    # Records that may not go yet whatever their age (a refusal window not yet reported).
    only: Callable[[Table], ColumnElement[bool]] | None = None

    @property
    def name(self) -> str:
        return self.table.name


def _due(records: AgedRecords, rule: RetentionRule, today: date) -> ColumnElement[bool]:
    column = records.table.c[records.recorded]
    if isinstance(column.type, Date):
        return column <= last_day_due(rule, today)
    return column < due_before(rule, today)


def _not_held(records: AgedRecords, today: date) -> ColumnElement[bool]:
    c = records.table.c
    assert records.pupil is not None
    open_hold = and_(
        HOLD.c.tenant == c.tenant,
        HOLD.c.pupil_id == c[records.pupil],
        HOLD.c.placed_on <= today,
        or_(HOLD.c.lifted_on.is_(None), HOLD.c.lifted_on > today),
    )
    return ~select(HOLD.c.pupil_id).where(open_hold).exists()


async def _purge_tenant(
    session: AsyncSession, records: AgedRecords, tenant: str, rule: RetentionRule, today: date
) -> int:
    table = records.table
    statement = delete(table).where(table.c.tenant == tenant, _due(records, rule, today))
    if records.only is not None:
        statement = statement.where(records.only(table))
    if records.pupil is not None:
        statement = statement.where(_not_held(records, today))
    result = await session.execute(statement)
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


async def purge_aged(
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    records: Sequence[AgedRecords],
    overrides: Overrides | None = None,
) -> dict[str, int]:
    """Delete every access record whose period ran out; the count per table."""
    today = clock.now().date()
    purged: dict[str, int] = {}
    for aged in records:
        async with unit_of_work(sessions) as session:
            tenants = (await session.execute(select(aged.table.c.tenant).distinct())).scalars()
            count = 0
            for tenant in list(tenants):
                rule = policy_for(tenant, overrides).rule(DataKind.ACCESS_RECORDS)
                count += await _purge_tenant(session, aged, tenant, rule, today)
        purged[aged.name] = count
        if count:
            log.info("retention.purged", table=aged.name, count=count)
    return purged
