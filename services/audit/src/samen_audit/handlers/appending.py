"""Append a batch of records to the logs: one transaction for the whole batch.

Under the locks of every tenant the batch touches: skip what the logs already hold,
give the rest the next leaf indices of their tenant's log, grow each frontier, and
insert leaves, bodies, completed nodes and the new frontiers. Two statements in all
(besides BEGIN and COMMIT): the locks with the read, and one write.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from samen_kit.db import unit_of_work
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_audit.adapters.log_store import NewLeaf, SqlLogStore
from samen_audit.domain.admission import Admitted, admit
from samen_audit.domain.frontier import Frontier
from samen_audit.domain.records import LeafRecord
from samen_audit.domain.stored_nodes import StoredNode, grow


@dataclass(frozen=True)
class Appended:
    """How a batch changed the logs: new leaves per tenant, and the size after."""

    leaves: dict[str, int]
    sizes: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.leaves.values())


async def append_batch(
    sessions: async_sessionmaker[AsyncSession], records: Sequence[LeafRecord], now: datetime
) -> Appended:
    if not records:
        return Appended({}, {})
    async with unit_of_work(sessions) as session:
        return await append_in(SqlLogStore(session), records, now)


async def append_in(store: SqlLogStore, records: Sequence[LeafRecord], now: datetime) -> Appended:
    tenants = {record.tenant for record in records}
    known = await store.lock_and_know(
        tenants, (r.event_id for r in records if r.event_id is not None)
    )
    known_keys = await store.known_keys(_keys_to_check(records, known.ids))
    by_tenant: dict[str, list[Admitted]] = defaultdict(list)
    for item in admit(records, known.ids, known_keys):
        by_tenant[item.record.tenant].append(item)
    before = known.frontiers
    leaves: list[NewLeaf] = []
    nodes: list[tuple[str, StoredNode]] = []
    after: dict[str, Frontier] = {}
    for tenant, admitted in by_tenant.items():
        start = before[tenant].size
        leaves += [
            NewLeaf(tenant, start + offset, item, item.record.occurred_at or now)
            for offset, item in enumerate(admitted)
        ]
        after[tenant], completed = grow(before[tenant], [a.record.leaf_hash for a in admitted])
        nodes += [(tenant, node) for node in completed]
    if leaves:
        await store.insert(leaves, nodes, after)
    counts = {tenant: len(items) for tenant, items in by_tenant.items()}
    return Appended(counts, {tenant: frontier.size for tenant, frontier in after.items()})


def _keys_to_check(records: Sequence[LeafRecord], known_ids: dict[str, bytes]) -> list[str]:
    """Only records that may be keyed by their place need that place looked up.

    A record whose id appears earlier in the same batch may be one too; its place is
    new unless the batch itself is a redelivery, in which case the id is known.
    """
    return [
        record.position.key()
        for record in records
        if record.event_id is None or record.event_id in known_ids
    ]
