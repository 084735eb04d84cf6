"""Appending a batch to the logs (`append_in`), against the fake log store: each tenant's
log grows by its own new events, in order, once; its frontier's root is the Merkle root
of everything it holds."""

from datetime import UTC, datetime

import pytest
from samen_archive.merkle import root_hash
from samen_audit.domain.records import LeafRecord
from samen_audit.domain.stored_nodes import MIN_LEVEL
from samen_audit.handlers.appending import append_in

from services.audit.tests.audit_fakes import FakeLogStore, bus_record

pytestmark = pytest.mark.unit

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)


def event(tenant: str, event_id: str, offset: int) -> LeafRecord:
    body = f'{{"id": "{event_id}", "tenant": "{tenant}"}}'.encode()
    return bus_record(event_id, body, offset, tenant=tenant)


async def test_each_tenants_events_go_to_its_own_log_in_order() -> None:
    store = FakeLogStore()
    batch = [event("swv-a", "a-1", 0), event("swv-b", "b-1", 1), event("swv-a", "a-2", 2)]

    appended = await append_in(store, batch, NOW)

    assert (appended.leaves, appended.sizes) == ({"swv-a": 2, "swv-b": 1}, {"swv-a": 2, "swv-b": 1})
    assert [(x.index, x.admitted.event_id) for x in store.log("swv-a")] == [(0, "a-1"), (1, "a-2")]
    assert store.locked == [["swv-a", "swv-b"]]
    assert {x.occurred_at for x in store.leaves} == {NOW}  # no time of its own: when appended


async def test_a_redelivered_batch_appends_nothing_and_keeps_the_frontier() -> None:
    store = FakeLogStore()
    batch = [event("swv-a", f"a-{n}", n) for n in range(3)]
    await append_in(store, batch, NOW)

    again = await append_in(store, batch, NOW)

    assert again.total == 0
    assert len(store.log("swv-a")) == 3
    assert [f.size for f in store.history["swv-a"]] == [3]


async def test_a_later_batch_continues_the_log_and_its_root_covers_every_leaf() -> None:
    store = FakeLogStore()
    first = [event("swv-a", f"a-{n}", n) for n in range(3)]
    later = [event("swv-a", f"a-{n}", n) for n in range(3, 8)]

    await append_in(store, first, NOW)
    appended = await append_in(store, later, NOW)

    assert appended.sizes == {"swv-a": 8}
    assert [x.index for x in store.log("swv-a")] == list(range(8))
    frontier = store.history["swv-a"][-1]
    assert frontier.root() == root_hash([r.leaf_hash for r in first + later])


async def test_a_completed_subtree_of_the_stored_height_is_kept_for_proofs() -> None:
    store = FakeLogStore()
    width = 2**MIN_LEVEL
    batch = [event("swv-a", f"a-{n}", n) for n in range(width + 1)]

    await append_in(store, batch, NOW)

    [(tenant, node)] = store.nodes
    assert (tenant, node.piece.level, node.piece.position) == ("swv-a", MIN_LEVEL, 0)
    assert node.hash == root_hash([r.leaf_hash for r in batch[:width]])
