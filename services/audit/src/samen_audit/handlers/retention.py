"""Carry out the erasure facts the log holds (`PersonalDataErased` from every service).

Each fact in its own transaction, claimed first: two instances, or a sweep and a
restart, carry it out once. The audit writer's UPDATE on the claim row is its own
working table, not the log.
"""

import structlog
from samen_kit.db import unit_of_work

from samen_audit.adapters.erasures import PendingErasure, SqlErasures
from samen_audit.domain.erasure_orders import erasure_order
from samen_audit.handlers.context import AuditContext

log = structlog.get_logger(__name__)


async def carry_out_erasures(context: AuditContext) -> int:
    """Bodies erased in this pass."""
    async with unit_of_work(context.sessions) as session:
        pending = await SqlErasures(session).pending()
    return sum([await _carry_out(context, item) for item in pending])


async def _carry_out(context: AuditContext, pending: PendingErasure) -> int:
    async with unit_of_work(context.sessions) as session:
        erasures = SqlErasures(session)
        if not await erasures.claim(pending, context.clock.now()):
            return 0
        order = erasure_order(pending.entry)
        if order is None:  # unreadable: claimed with nothing erased, so it is not retried
            log.warning("audit.retention.unreadable", leaf_index=pending.leaf_index)
            return 0
        count = await erasures.erase(pending, order)
    log.info("audit.retention.erased", leaf_index=pending.leaf_index, bodies=count)
    return count
