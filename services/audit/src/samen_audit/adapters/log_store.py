"""Appending to the logs: tenant locks, what is known, and the inserts.

Every statement covers the whole batch (all its tenants) through arrays (`unnest`), and
goes straight to asyncpg on the session's own connection and transaction
(`samen_kit.driver`): a batch costs one call that locks and reads, and one write,
however many leaves and tenants it holds. Nothing here commits.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from samen_kit.driver import driver_connection
from sqlalchemy.ext.asyncio import AsyncSession

from samen_audit.domain.admission import Admitted
from samen_audit.domain.frontier import Frontier
from samen_audit.domain.stored_nodes import StoredNode

# Two-int advisory locks live apart from the one-bigint locks the outbox relay takes.
LOCK_CLASS = 0x5A_A0D1

# The locks in name order, then (on a snapshot taken once they are held) the latest
# frontier of each tenant and the leaf hash of each id the log already holds, as rows of
# one result: ('f', tenant, size, roots) and ('i', event_id, NULL, leaf_hash). One call,
# one round trip: the function is in migration 0005_cheaper_append.
_LOCK_AND_KNOW = "SELECT * FROM audit_lock_and_know($1::int, $2::text[], $3::text[])"
_KNOWN_KEYS = (
    "SELECT record_key FROM audit_leaf"
    " WHERE record_key = ANY($1::text[]) AND record_key IS NOT NULL"
)
# Leaves, bodies, completed nodes and frontiers in one statement. That every body has its
# leaf is checked once, at the statement's end, by the bodies' statement-level trigger.
_INSERT = """
WITH leaves AS (
    INSERT INTO audit_leaf (tenant, leaf_index, leaf_hash, event_id, record_key, event_type,
                            flag, occurred_at, board, school, subject)
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::text[], $5::text[],
        $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::text[], $11::text[])
), bodies AS (
    INSERT INTO audit_body (tenant, leaf_index, entry)
    SELECT * FROM unnest($1::text[], $2::bigint[], $12::bytea[])
), nodes AS (
    INSERT INTO audit_node (tenant, level, position, hash)
    SELECT * FROM unnest($13::text[], $14::smallint[], $15::bigint[], $16::bytea[])
)
INSERT INTO audit_frontier (tenant, tree_size, roots)
SELECT * FROM unnest($17::text[], $18::bigint[], $19::bytea[])
"""


@dataclass(frozen=True)
class NewLeaf:
    tenant: str
    index: int
    admitted: Admitted
    occurred_at: datetime


@dataclass(frozen=True)
class Known:
    """What the log holds of a batch: each tenant's latest frontier, and the leaf hash of
    every event id already in it."""

    frontiers: dict[str, Frontier]
    ids: dict[str, bytes]


class SqlLogStore:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lock_and_know(self, tenants: Iterable[str], event_ids: Iterable[str]) -> Known:
        """Until the transaction ends, no one else appends to these tenants' logs. Then:
        the latest frontier of each log (an empty one for a log not begun), and which of
        the ids the logs already hold."""
        wanted = sorted(set(tenants))
        connection = await driver_connection(self._session)
        rows = await connection.fetch(_LOCK_AND_KNOW, LOCK_CLASS, wanted, sorted(set(event_ids)))
        found = {r[1]: Frontier.from_bytes(r[2], r[3]) for r in rows if r[0] == "f"}
        frontiers = {tenant: found.get(tenant, Frontier()) for tenant in wanted}
        return Known(frontiers, {r[1]: r[3] for r in rows if r[0] == "i"})

    async def known_keys(self, keys: Iterable[str]) -> set[str]:
        wanted = sorted(set(keys))
        if not wanted:
            return set()
        connection = await driver_connection(self._session)
        return {row[0] for row in await connection.fetch(_KNOWN_KEYS, wanted)}

    async def insert(
        self,
        leaves: Sequence[NewLeaf],
        nodes: Sequence[tuple[str, StoredNode]],
        frontiers: Mapping[str, Frontier],
    ) -> None:
        """The new leaves with their bodies, the nodes they complete, the frontiers after."""
        records = [leaf.admitted.record for leaf in leaves]
        connection = await driver_connection(self._session)
        await connection.execute(
            _INSERT,
            [leaf.tenant for leaf in leaves],
            [leaf.index for leaf in leaves],
            [record.leaf_hash for record in records],
            [leaf.admitted.event_id for leaf in leaves],
            [leaf.admitted.record_key for leaf in leaves],
            [record.event_type for record in records],
            [leaf.admitted.flag for leaf in leaves],
            [leaf.occurred_at for leaf in leaves],
            [record.board for record in records],
            [record.school for record in records],
            [record.subject for record in records],
            [record.entry for record in records],
            [tenant for tenant, _ in nodes],
            [node.piece.level for _, node in nodes],
            [node.piece.position for _, node in nodes],
            [node.hash for _, node in nodes],
            list(frontiers),
            [frontier.size for frontier in frontiers.values()],
            [frontier.to_bytes() for frontier in frontiers.values()],
        )
