"""Nodes of a tenant's tree at any size, from stored nodes and a few leaves."""

from collections.abc import Sequence

from samen_archive.merkle import (
    EMPTY_ROOT,
    LeafRange,
    consistency_path_ranges,
    inclusion_path_ranges,
)

from samen_audit.adapters.log_reads import SqlLogReads
from samen_audit.domain.stored_nodes import needs, range_hash


async def range_hashes(reads: SqlLogReads, tenant: str, ranges: Sequence[LeafRange]) -> list[bytes]:
    wanted = needs(ranges)
    stored = await reads.nodes(tenant, wanted.stored)
    leaves = await reads.leaf_hashes(tenant, wanted.leaves)
    return [range_hash(node, stored, leaves) for node in ranges]


async def root_at(reads: SqlLogReads, tenant: str, size: int) -> bytes:
    if size == 0:
        return EMPTY_ROOT
    return (await range_hashes(reads, tenant, [(0, size)]))[0]


async def inclusion_path(reads: SqlLogReads, tenant: str, index: int, size: int) -> list[bytes]:
    return await range_hashes(reads, tenant, inclusion_path_ranges(index, size))


async def consistency_path(
    reads: SqlLogReads, tenant: str, old_size: int, new_size: int
) -> list[bytes]:
    return await range_hashes(reads, tenant, consistency_path_ranges(old_size, new_size))
