"""Carrying out erasure facts in the log: find those not yet carried out, claim one, and
erase the matching bodies through `erase_body()` (the one change the writer may make).
Nothing here commits."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from samen_audit.domain.erasure_orders import ERASURE_TYPES_LIKE, ErasureOrder

_PENDING = text(
    "SELECT l.tenant, l.leaf_index, l.event_id, b.entry FROM audit_leaf l"
    " JOIN audit_body b ON b.tenant = l.tenant AND b.leaf_index = l.leaf_index"
    " WHERE l.event_type LIKE :types AND NOT EXISTS (SELECT 1 FROM audit_retention_applied a"
    "  WHERE a.tenant = l.tenant AND a.leaf_index = l.leaf_index)"
    " ORDER BY l.tenant, l.leaf_index LIMIT :limit"
)
_CLAIM = text(
    "INSERT INTO audit_retention_applied (tenant, leaf_index, bodies_erased, applied_at)"
    " VALUES (:tenant, :leaf_index, 0, :now) ON CONFLICT DO NOTHING RETURNING leaf_index"
)
# Every earlier entry of the erasing service about the pupil whose body is still there;
# the erasure facts themselves stay readable.
_ERASE = text(
    "SELECT count(*) FILTER (WHERE erase_body(l.tenant, l.leaf_index, :reason, :cause))"
    " FROM audit_leaf l WHERE l.tenant = :tenant AND l.subject = :subject"
    " AND l.subject IS NOT NULL AND l.leaf_index < :before"
    " AND l.event_type LIKE :types AND l.event_type NOT LIKE :erasures"
    " AND EXISTS (SELECT 1 FROM audit_body b"
    "  WHERE b.tenant = l.tenant AND b.leaf_index = l.leaf_index)"
)
_COUNT = text(
    "UPDATE audit_retention_applied SET bodies_erased = :count"
    " WHERE tenant = :tenant AND leaf_index = :leaf_index"
)


@dataclass(frozen=True)
class PendingErasure:
    tenant: str
    leaf_index: int
    event_id: str
    entry: bytes


class SqlErasures:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def pending(self, limit: int = 200) -> Sequence[PendingErasure]:
        params = {"types": ERASURE_TYPES_LIKE, "limit": limit}
        rows = await self._session.execute(_PENDING, params)
        return [PendingErasure(row[0], row[1], row[2], bytes(row[3])) for row in rows]

    async def claim(self, pending: PendingErasure, now: datetime) -> bool:
        """True for the one transaction that carries the fact out (a unique claim)."""
        params = {"tenant": pending.tenant, "leaf_index": pending.leaf_index, "now": now}
        return (await self._session.execute(_CLAIM, params)).first() is not None

    async def erase(self, pending: PendingErasure, order: ErasureOrder) -> int:
        params = {
            "tenant": pending.tenant,
            "subject": order.pupil_id,
            "before": pending.leaf_index,
            "types": order.types_like,
            "erasures": ERASURE_TYPES_LIKE,
            "reason": order.basis,
            "cause": pending.event_id,
        }
        count = int((await self._session.execute(_ERASE, params)).scalar_one())
        where = {"tenant": pending.tenant, "leaf_index": pending.leaf_index, "count": count}
        await self._session.execute(_COUNT, where)
        return count
