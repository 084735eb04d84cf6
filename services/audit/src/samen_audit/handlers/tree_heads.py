"""Signing tree heads: on demand, and for every log that grew since its last head.

Each head is stored and announced with `TreeHeadSigned` in the same transaction. That
event lands in the same log again; a log that grew by nothing but its own tree heads
is not signed again, or every head would call for the next.
"""

import base64

from prometheus_client import Counter
from samen_archive.treehead import TIMESTAMP_FORMAT, SignedTreeHead, TreeHead
from samen_contract import deterministic_event_id
from samen_contract.events.audit import TreeHeadSigned
from samen_kit.db import unit_of_work
from samen_kit.metrics import on_commit
from samen_kit.outbox import emit
from sqlalchemy.ext.asyncio import AsyncSession

from samen_audit.adapters.log_reads import SqlLogReads
from samen_audit.adapters.tree_heads import SqlTreeHeads
from samen_audit.domain.frontier import Frontier
from samen_audit.handlers.context import AuditContext

TREE_HEAD_SIGNED = TreeHeadSigned.event_type()
SCHEDULED_ACTOR = "system:tree-heads"
TREE_HEADS_SIGNED = Counter(
    "samen_audit_tree_heads_signed",
    "Tree heads signed and stored: by the schedule, or on demand (a proof, an export).",
    ["trigger"],
)


async def sign_head(
    session: AsyncSession,
    context: AuditContext,
    tenant: str,
    frontier: Frontier,
    *,
    actor: str,
    scheduled: bool = False,
) -> SignedTreeHead | None:
    """Sign, store and announce; None when a scheduled head of this size exists already."""
    now = context.clock.now()
    head = TreeHead(tenant, frontier.size, frontier.root(), now).sign(context.signing_key)
    key = ["TreeHeadSigned", tenant, str(head.tree_size)]
    if not scheduled:  # on demand: a fresh signature (and event) every time
        key.append(head.timestamp.strftime(TIMESTAMP_FORMAT))
    emitted = await emit(
        session,
        _announcement(head, context),
        tenant=tenant,
        subject=tenant,
        actor=actor,
        event_id=deterministic_event_id(*key),
        time=now,
    )
    if emitted is None:
        return None
    await SqlTreeHeads(session).add(head, context.key_id)
    on_commit(session, TREE_HEADS_SIGNED.labels("scheduled" if scheduled else "on_demand").inc)
    return head


def _announcement(head: SignedTreeHead, context: AuditContext) -> TreeHeadSigned:
    return TreeHeadSigned(
        tree_size=head.tree_size,
        root_hash=head.root_hash.hex(),
        signed_at=head.timestamp,
        key_id=context.key_id,
        signature=base64.b64encode(head.signature).decode("ascii"),
    )


async def sign_now(context: AuditContext, tenant: str, actor: str) -> SignedTreeHead:
    async with unit_of_work(context.sessions) as session:
        frontier = await SqlLogReads(session).frontier(tenant)
        head = await sign_head(session, context, tenant, frontier, actor=actor)
    assert head is not None  # an on-demand id is new every time
    return head


async def sign_grown_logs(context: AuditContext) -> list[SignedTreeHead]:
    """The scheduled job: a new head for each log that grew by more than its heads."""
    async with unit_of_work(context.sessions) as session:
        frontiers = await SqlLogReads(session).latest_frontiers()
    signed = []
    for tenant, frontier in sorted(frontiers.items()):
        async with unit_of_work(context.sessions) as session:
            if await _needs_head(session, tenant, frontier):
                head = await sign_head(
                    session, context, tenant, frontier, actor=SCHEDULED_ACTOR, scheduled=True
                )
                signed += [head] if head else []
    return signed


async def _needs_head(session: AsyncSession, tenant: str, frontier: Frontier) -> bool:
    latest = await SqlTreeHeads(session).latest(tenant)
    if latest is None:
        return True
    if latest.tree_size >= frontier.size:
        return False
    return await SqlLogReads(session).grown_beyond(tenant, latest.tree_size, TREE_HEAD_SIGNED)


async def head_covering(
    session: AsyncSession, context: AuditContext, tenant: str, size: int, actor: str
) -> SignedTreeHead:
    """The latest head if it covers ``size`` leaves; else a fresh one of the whole log."""
    latest = await SqlTreeHeads(session).latest(tenant)
    if latest is not None and latest.tree_size >= size:
        return latest
    frontier = await SqlLogReads(session).frontier(tenant)
    head = await sign_head(session, context, tenant, frontier, actor=actor)
    assert head is not None
    return head
