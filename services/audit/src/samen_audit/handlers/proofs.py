"""Inclusion and consistency proofs, and the check of a consent receipt's event.

Every lookup is within the caller's tenant; a leaf of another tenant is not found.
"""

from collections.abc import Callable
from dataclasses import dataclass

from samen_archive.treehead import SignedTreeHead
from samen_kit.db import unit_of_work
from sqlalchemy.ext.asyncio import AsyncSession

from samen_audit.adapters.log_reads import LeafRow, SqlLogReads
from samen_audit.adapters.tree_heads import SqlTreeHeads
from samen_audit.domain.errors import BadSizes, LeafNotFound, LeafOutsideTree, TreeTooLarge
from samen_audit.handlers.context import AuditContext
from samen_audit.handlers.tree import consistency_path, inclusion_path, root_at
from samen_audit.handlers.tree_heads import head_covering


@dataclass(frozen=True)
class LeafRef:
    """A leaf named by its index or by its event's id."""

    leaf_index: int | None = None
    event_id: str | None = None


@dataclass(frozen=True)
class InclusionProof:
    leaf: LeafRow
    tree_size: int
    root_hash: bytes
    path: list[bytes]
    tree_head: SignedTreeHead | None  # the head signed at this size, when there is one


@dataclass(frozen=True)
class ConsistencyProof:
    old_size: int
    new_size: int
    old_root: bytes
    new_root: bytes
    path: list[bytes]


async def inclusion_proof(
    context: AuditContext, tenant: str, ref: LeafRef, tree_size: int | None
) -> InclusionProof:
    """Against ``tree_size``, or else the latest signed head (or the whole log)."""
    async with unit_of_work(context.sessions) as session:
        leaf = await find_leaf(session, tenant, ref)
        size = tree_size if tree_size is not None else await _default_size(session, tenant)
        return await _prove(session, tenant, leaf, size)


async def receipt_proof(
    context: AuditContext,
    tenant: str,
    event_id: str,
    actor: str,
    within_reach: Callable[[LeafRow], bool],
) -> InclusionProof:
    """The event's inclusion under a signed head that covers it (signed now if need be).

    A leaf out of the caller's reach (another school's) is not found, as in another tenant.
    """
    async with unit_of_work(context.sessions) as session:
        leaf = await find_leaf(session, tenant, LeafRef(event_id=event_id))
        if not within_reach(leaf):
            raise LeafNotFound(tenant)
        head = await head_covering(session, context, tenant, leaf.index + 1, actor)
        proof = await _prove(session, tenant, leaf, head.tree_size)
    return InclusionProof(proof.leaf, proof.tree_size, proof.root_hash, proof.path, head)


async def consistency_proof(
    context: AuditContext, tenant: str, old_size: int, new_size: int | None
) -> ConsistencyProof:
    async with unit_of_work(context.sessions) as session:
        reads = SqlLogReads(session)
        size = (await reads.frontier(tenant)).size
        new = size if new_size is None else new_size
        if not 0 <= old_size <= new:
            raise BadSizes(f"no consistency proof from {old_size} to {new}")
        if new > size:
            raise TreeTooLarge(new, size)
        path = await consistency_path(reads, tenant, old_size, new)
        old_root, new_root = (
            await root_at(reads, tenant, old_size),
            await root_at(reads, tenant, new),
        )
    return ConsistencyProof(old_size, new, old_root, new_root, path)


async def find_leaf(session: AsyncSession, tenant: str, ref: LeafRef) -> LeafRow:
    reads = SqlLogReads(session)
    if ref.event_id is not None:
        leaf = await reads.leaf_of_event(tenant, ref.event_id)
    elif ref.leaf_index is not None:
        leaf = await reads.leaf_at(tenant, ref.leaf_index)
    else:
        leaf = None
    if leaf is None:
        elsewhere = ref.event_id is not None and await reads.event_anywhere(ref.event_id)
        raise LeafNotFound(tenant, elsewhere=elsewhere)
    return leaf


async def _default_size(session: AsyncSession, tenant: str) -> int:
    head = await SqlTreeHeads(session).latest(tenant)
    if head is not None:
        return head.tree_size
    return (await SqlLogReads(session).frontier(tenant)).size


async def _prove(session: AsyncSession, tenant: str, leaf: LeafRow, size: int) -> InclusionProof:
    reads = SqlLogReads(session)
    current = (await reads.frontier(tenant)).size
    if size > current:
        raise TreeTooLarge(size, current)
    if leaf.index >= size:
        raise LeafOutsideTree(leaf.index, size)
    path = await inclusion_path(reads, tenant, leaf.index, size)
    root = await root_at(reads, tenant, size)
    head = await SqlTreeHeads(session).at_size(tenant, size)
    return InclusionProof(leaf, size, root, path, head)
