"""Appending to the logs: tenant locks, what is known, and the inserts.

Every statement covers the whole batch (all its tenants) through arrays (`unnest`), so
a batch of hundreds of leaves costs the same handful of round trips however many
tenants it touches. Nothing here commits.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from samen_audit.domain.admission import Admitted
from samen_audit.domain.frontier import Frontier
from samen_audit.domain.stored_nodes import StoredNode

# Two-int advisory locks live apart from the one-bigint locks the outbox relay takes.
LOCK_CLASS = 0x5A_A0D1

# One statement, locks taken in name order: two batches never wait on each other in a circle.
_LOCK = text(
    "SELECT count(pg_advisory_xact_lock(:lock_class, hashtext(t))) FROM"
    " (SELECT t FROM unnest(CAST(:tenants AS text[])) AS t ORDER BY t) AS ordered"
)
_FRONTIERS = text(
    "SELECT f.tenant, f.tree_size, f.roots FROM unnest(CAST(:tenants AS text[])) AS t(name)"
    " CROSS JOIN LATERAL (SELECT tenant, tree_size, roots FROM audit_frontier"
    " WHERE tenant = t.name ORDER BY tree_size DESC LIMIT 1) AS f"
)
# `IS NOT NULL` lets the planner use the partial unique indexes.
_KNOWN_IDS = text(
    "SELECT event_id, leaf_hash FROM audit_leaf"
    " WHERE event_id = ANY(CAST(:ids AS text[])) AND event_id IS NOT NULL"
)
_KNOWN_KEYS = text(
    "SELECT record_key FROM audit_leaf"
    " WHERE record_key = ANY(CAST(:keys AS text[])) AND record_key IS NOT NULL"
)
_INSERT_LEAVES = text(
    """
    INSERT INTO audit_leaf (tenant, leaf_index, leaf_hash, event_id, record_key, event_type,
                            flag, occurred_at, board, school, subject)
    SELECT * FROM unnest(
        CAST(:tenants AS text[]), CAST(:indices AS bigint[]), CAST(:hashes AS bytea[]),
        CAST(:event_ids AS text[]), CAST(:record_keys AS text[]), CAST(:types AS text[]),
        CAST(:flags AS text[]), CAST(:times AS timestamptz[]), CAST(:boards AS text[]),
        CAST(:schools AS text[]), CAST(:subjects AS text[]))
    """
)
_INSERT_BODIES = text(
    "INSERT INTO audit_body (tenant, leaf_index, entry) SELECT * FROM unnest("
    "CAST(:tenants AS text[]), CAST(:indices AS bigint[]), CAST(:entries AS bytea[]))"
)
_INSERT_NODES = text(
    "INSERT INTO audit_node (tenant, level, position, hash) SELECT * FROM unnest("
    "CAST(:tenants AS text[]), CAST(:levels AS smallint[]), CAST(:positions AS bigint[]),"
    " CAST(:hashes AS bytea[]))"
)
_INSERT_FRONTIERS = text(
    "INSERT INTO audit_frontier (tenant, tree_size, roots) SELECT * FROM unnest("
    "CAST(:tenants AS text[]), CAST(:sizes AS bigint[]), CAST(:roots AS bytea[]))"
)


@dataclass(frozen=True)
class NewLeaf:
    tenant: str
    index: int
    admitted: Admitted
    occurred_at: datetime


class SqlLogStore:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lock_tenants(self, tenants: Iterable[str]) -> None:
        """Until the transaction ends, no one else appends to these tenants' logs."""
        params = {"lock_class": LOCK_CLASS, "tenants": sorted(set(tenants))}
        await self._session.execute(_LOCK, params)

    async def frontiers(self, tenants: Iterable[str]) -> dict[str, Frontier]:
        """The latest frontier of each log (an empty one for a log not begun)."""
        wanted = sorted(set(tenants))
        rows = await self._session.execute(_FRONTIERS, {"tenants": wanted})
        found = {row[0]: Frontier.from_bytes(row[1], bytes(row[2])) for row in rows}
        return {tenant: found.get(tenant, Frontier()) for tenant in wanted}

    async def known_ids(self, event_ids: Iterable[str]) -> dict[str, bytes]:
        ids = sorted(set(event_ids))
        if not ids:
            return {}
        rows = await self._session.execute(_KNOWN_IDS, {"ids": ids})
        return {row[0]: bytes(row[1]) for row in rows}

    async def known_keys(self, keys: Iterable[str]) -> set[str]:
        wanted = sorted(set(keys))
        if not wanted:
            return set()
        return {row[0] for row in await self._session.execute(_KNOWN_KEYS, {"keys": wanted})}

    async def insert_leaves(self, leaves: Sequence[NewLeaf]) -> None:
        records = [leaf.admitted.record for leaf in leaves]
        tenants, indices = [leaf.tenant for leaf in leaves], [leaf.index for leaf in leaves]
        await self._session.execute(
            _INSERT_LEAVES,
            {
                "tenants": tenants,
                "indices": indices,
                "hashes": [record.leaf_hash for record in records],
                "event_ids": [leaf.admitted.event_id for leaf in leaves],
                "record_keys": [leaf.admitted.record_key for leaf in leaves],
                "types": [record.event_type for record in records],
                "flags": [leaf.admitted.flag for leaf in leaves],
                "times": [leaf.occurred_at for leaf in leaves],
                "boards": [record.board for record in records],
                "schools": [record.school for record in records],
                "subjects": [record.subject for record in records],
            },
        )
        entries = [record.entry for record in records]
        params = {"tenants": tenants, "indices": indices, "entries": entries}
        await self._session.execute(_INSERT_BODIES, params)

    async def insert_nodes(self, nodes: Sequence[tuple[str, StoredNode]]) -> None:
        if not nodes:
            return
        params = {
            "tenants": [tenant for tenant, _ in nodes],
            "levels": [node.piece.level for _, node in nodes],
            "positions": [node.piece.position for _, node in nodes],
            "hashes": [node.hash for _, node in nodes],
        }
        await self._session.execute(_INSERT_NODES, params)

    async def insert_frontiers(self, frontiers: Mapping[str, Frontier]) -> None:
        params = {
            "tenants": list(frontiers),
            "sizes": [frontier.size for frontier in frontiers.values()],
            "roots": [frontier.to_bytes() for frontier in frontiers.values()],
        }
        await self._session.execute(_INSERT_FRONTIERS, params)
