"""The audit log's store in memory, for the append use case without PostgreSQL.

`FakeLogStore` subclasses the SQL store and keeps what the insert would write: leaves
in order, completed nodes, and every frontier. A second leaf at a tenant's index fails,
as the log's primary key would.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from samen_archive.canonical import EntryFlag
from samen_archive.merkle import leaf_hash
from samen_audit.adapters.log_store import Known, NewLeaf, SqlLogStore
from samen_audit.domain.frontier import Frontier
from samen_audit.domain.records import LeafRecord, RecordPosition
from samen_audit.domain.stored_nodes import StoredNode


def bus_record(
    event_id: str | None,
    body: bytes,
    offset: int,
    *,
    tenant: str = "swv-1",
    flag: EntryFlag | None = None,
) -> LeafRecord:
    """A record as read from the consent topic at `offset`: its bytes and what they say."""
    return LeafRecord(
        entry=body,
        leaf_hash=leaf_hash(body),
        tenant=tenant,
        event_id=event_id,
        event_type="samen.consent.ConsentGiven.v1",
        flag=flag,
        occurred_at=None,
        board=None,
        school=None,
        subject=None,
        position=RecordPosition("samen.consent.events", 0, offset),
    )


class FakeLogStore(SqlLogStore):
    def __init__(self) -> None:
        self.leaves: list[NewLeaf] = []
        self.nodes: list[tuple[str, StoredNode]] = []
        self.history: defaultdict[str, list[Frontier]] = defaultdict(list)
        self.locked: list[list[str]] = []

    async def lock_and_know(self, tenants: Iterable[str], event_ids: Iterable[str]) -> Known:
        self.locked.append(sorted(set(tenants)))
        frontiers = {t: (self.history[t] or [Frontier()])[-1] for t in sorted(set(tenants))}
        wanted = set(event_ids)
        ids = {
            leaf.admitted.event_id: leaf.admitted.record.leaf_hash
            for leaf in self.leaves
            if leaf.admitted.event_id in wanted
        }
        return Known(frontiers, ids)

    async def known_keys(self, keys: Iterable[str]) -> set[str]:
        held = {leaf.admitted.record_key for leaf in self.leaves}
        return set(keys) & held

    async def insert(
        self,
        leaves: Sequence[NewLeaf],
        nodes: Sequence[tuple[str, StoredNode]],
        frontiers: Mapping[str, Frontier],
    ) -> None:
        taken = {(leaf.tenant, leaf.index) for leaf in self.leaves}
        for leaf in leaves:
            assert (leaf.tenant, leaf.index) not in taken, "a leaf index is used once"
            taken.add((leaf.tenant, leaf.index))
        self.leaves += leaves
        self.nodes += nodes
        for tenant, frontier in frontiers.items():
            self.history[tenant].append(frontier)

    def log(self, tenant: str) -> list[NewLeaf]:
        return sorted(
            (leaf for leaf in self.leaves if leaf.tenant == tenant), key=lambda x: x.index
        )
