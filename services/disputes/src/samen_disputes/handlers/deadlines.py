"""The deadline sweep: find what is due, then emit each item in its own unit of work.

Each item's event id comes from the domain (`DueItem.event_id`: dispute, deadline kind
and date), so two instances, two sweeps or a restart write it once: the outbox keeps
the first and `emit` returns None for the next. The handler re-checks the item under
the dispute's row lock, so a move made since the scan is respected.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import datetime

from samen_disputes.adapters.state_rows import TenantConfig, state_of
from samen_disputes.adapters.tables import DisputeRow
from samen_disputes.domain import DisputeDeadlines, DueItem, what_is_due
from samen_disputes.handlers import facts
from samen_disputes.handlers.context import Deps
from samen_disputes.handlers.emitting import about_dispute

SWEEP_ACTOR = "system:disputes.deadlines"


def due_items(
    rows: Iterable[DisputeRow],
    configs: dict[str, TenantConfig],
    now: datetime,
    emitted: Collection[str] = (),
) -> list[DueItem]:
    """Per tenant, with its own terms and approach days."""
    by_tenant: dict[str, list[DisputeDeadlines]] = defaultdict(list)
    for row in rows:
        settings = configs[row.tenant].deadlines
        by_tenant[row.tenant].append(DisputeDeadlines(row.id, state_of(row), settings))
    items = [
        item
        for tenant, disputes in by_tenant.items()
        for item in what_is_due(now, disputes, configs[tenant].deadlines.approach_days, emitted)
    ]
    return sorted(items, key=lambda item: (item.fires_at, item.key))


async def sweep_deadlines(deps: Deps) -> int:
    """Emit what is due now; the number of events written."""
    now = deps.clock.now()
    async with deps.unit_of_work() as uow:
        rows = await uow.disputes.all_open()
        configs = await uow.configs.of_tenants(row.tenant for row in rows)
        emitted = await uow.due_log.keys_for(row.id for row in rows)
    written = 0
    for item in due_items(rows, configs, now, emitted):
        written += await emit_due(deps, item, now)
    return written


async def emit_due(deps: Deps, item: DueItem, now: datetime) -> bool:
    async with deps.unit_of_work() as uow:
        row = await uow.disputes.locked_by_id(item.dispute_id)
        if row is None:
            return False
        config = await uow.configs.of(row.tenant)
        if item.key not in {i.key for i in due_items([row], {row.tenant: config}, now)}:
            return False  # a move since the scan closed the term
        about = about_dispute(row, SWEEP_ACTOR, now, item.event_id)
        written = await uow.emit(facts.due(row, item), **about)
        await uow.due_log.record(item.key, row.id, item.event_id, now)
        return written
