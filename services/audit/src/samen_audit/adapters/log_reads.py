"""Reading a tenant's log: leaves, stored nodes, bodies. Every query names its tenant."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.ext.asyncio import AsyncSession

from samen_audit.domain.frontier import Frontier
from samen_audit.domain.stored_nodes import Piece

_LEAF_COLUMNS = "l.leaf_index, l.leaf_hash, l.event_id, l.school, l.board, b.entry"
_LEAF_BY_INDEX = text(
    f"SELECT {_LEAF_COLUMNS} FROM audit_leaf l LEFT JOIN audit_body b"
    " ON b.tenant = l.tenant AND b.leaf_index = l.leaf_index"
    " WHERE l.tenant = :tenant AND l.leaf_index = :index"
)
_LEAF_BY_EVENT = text(
    f"SELECT {_LEAF_COLUMNS} FROM audit_leaf l LEFT JOIN audit_body b"
    " ON b.tenant = l.tenant AND b.leaf_index = l.leaf_index"
    " WHERE l.tenant = :tenant AND l.event_id = :event_id"
)
_EVENT_ANYWHERE = text("SELECT 1 FROM audit_leaf WHERE event_id = :event_id")
_NODES = text(
    "SELECT n.level, n.position, n.hash FROM audit_node n JOIN unnest("
    "CAST(:levels AS smallint[]), CAST(:positions AS bigint[])) AS w(level, position)"
    " ON n.level = w.level AND n.position = w.position WHERE n.tenant = :tenant"
)
_LEAF_HASHES = text(
    "SELECT leaf_index, leaf_hash FROM audit_leaf"
    " WHERE tenant = :tenant AND leaf_index = ANY(CAST(:indices AS bigint[]))"
)
_ALL_LEAF_HASHES = text(
    "SELECT leaf_hash FROM audit_leaf WHERE tenant = :tenant AND leaf_index < :size"
    " ORDER BY leaf_index"
)
_LATEST_FRONTIERS = text(
    "SELECT DISTINCT ON (tenant) tenant, tree_size, roots FROM audit_frontier"
    " ORDER BY tenant, tree_size DESC"
)
_FRONTIER = text(
    "SELECT tree_size, roots FROM audit_frontier WHERE tenant = :tenant"
    " ORDER BY tree_size DESC LIMIT 1"
)
_GROWN_BEYOND = text(
    "SELECT EXISTS (SELECT 1 FROM audit_leaf WHERE tenant = :tenant AND leaf_index >= :size"
    " AND event_type IS DISTINCT FROM :ignored)"
)


@dataclass(frozen=True)
class LeafRow:
    index: int
    leaf_hash: bytes
    event_id: str | None
    school: str | None
    board: str | None
    entry: bytes | None  # None once erased


class SqlLogReads:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def leaf_at(self, tenant: str, index: int) -> LeafRow | None:
        row = await self._session.execute(_LEAF_BY_INDEX, {"tenant": tenant, "index": index})
        return _leaf(row.first())

    async def leaf_of_event(self, tenant: str, event_id: str) -> LeafRow | None:
        params = {"tenant": tenant, "event_id": event_id}
        return _leaf((await self._session.execute(_LEAF_BY_EVENT, params)).first())

    async def event_anywhere(self, event_id: str) -> bool:
        found = await self._session.execute(_EVENT_ANYWHERE, {"event_id": event_id})
        return found.first() is not None

    async def nodes(self, tenant: str, pieces: Iterable[Piece]) -> dict[Piece, bytes]:
        wanted = sorted(pieces)
        if not wanted:
            return {}
        params = {
            "tenant": tenant,
            "levels": [piece.level for piece in wanted],
            "positions": [piece.position for piece in wanted],
        }
        rows = await self._session.execute(_NODES, params)
        return {Piece(row[0], row[1]): bytes(row[2]) for row in rows}

    async def leaf_hashes(self, tenant: str, indices: Iterable[int]) -> dict[int, bytes]:
        wanted = sorted(indices)
        if not wanted:
            return {}
        rows = await self._session.execute(_LEAF_HASHES, {"tenant": tenant, "indices": wanted})
        return {row[0]: bytes(row[1]) for row in rows}

    async def all_leaf_hashes(self, tenant: str, size: int) -> list[bytes]:
        rows = await self._session.execute(_ALL_LEAF_HASHES, {"tenant": tenant, "size": size})
        return [bytes(row[0]) for row in rows]

    async def frontier(self, tenant: str) -> Frontier:
        row = (await self._session.execute(_FRONTIER, {"tenant": tenant})).first()
        return Frontier() if row is None else Frontier.from_bytes(row[0], bytes(row[1]))

    async def latest_frontiers(self) -> dict[str, Frontier]:
        rows = await self._session.execute(_LATEST_FRONTIERS)
        return {row[0]: Frontier.from_bytes(row[1], bytes(row[2])) for row in rows}

    async def grown_beyond(self, tenant: str, size: int, ignored_type: str) -> bool:
        """Whether any leaf from ``size`` on is of another type than ``ignored_type``."""
        params = {"tenant": tenant, "size": size, "ignored": ignored_type}
        return bool((await self._session.execute(_GROWN_BEYOND, params)).scalar_one())


def _leaf(row: Row[Any] | None) -> LeafRow | None:
    if row is None:
        return None
    index, leaf_hash, event_id, school, board, entry = tuple(row)
    return LeafRow(
        index, bytes(leaf_hash), event_id, school, board, None if entry is None else bytes(entry)
    )
