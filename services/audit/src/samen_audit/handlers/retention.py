"""Carry out the erasure facts the log holds (`PersonalDataErased` from every service),
and erase the bodies of the log's own access entries once their period has run out.

Each fact in its own transaction, claimed first: two instances, or a sweep and a
restart, carry it out once. The audit writer's UPDATE on the claim row is its own
working table, not the log.
"""

import structlog
from samen_contract.events.retention import DataKind
from samen_kit.db import unit_of_work
from samen_kit.retention.access_records import REFUSAL_WINDOWS
from samen_kit.retention.aging import due_before
from samen_kit.retention.policy import policy_for
from samen_kit.retention.purge import purge_aged

from samen_audit.adapters.access_erasures import SqlAccessErasures
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


async def erase_old_access_entries(context: AuditContext) -> int:
    """The log's own access records (`DataKind.ACCESS_RECORDS`): bodies of access entries
    older than the tenant's period go, leaves stay; reported refusal windows are deleted.
    Bodies erased in this pass. Safe twice at once: `erase_body()` erases a body once."""
    today = context.clock.now().date()
    overrides = context.retention_overrides
    async with unit_of_work(context.sessions) as session:
        tenants = await SqlAccessErasures(session).tenants()
    erased = 0
    for tenant in tenants:
        rule = policy_for(tenant, overrides).rule(DataKind.ACCESS_RECORDS)
        async with unit_of_work(context.sessions) as session:
            before = due_before(rule, today)
            erased += await SqlAccessErasures(session).erase_before(tenant, before, rule.basis)
    await purge_aged(context.sessions, context.clock, (REFUSAL_WINDOWS,), overrides)
    if erased:
        log.info("audit.retention.access_entries", bodies=erased)
    return erased
