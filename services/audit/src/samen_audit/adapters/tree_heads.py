"""Signed tree heads as stored: one row per signature, never changed."""

from typing import Any

from samen_archive.treehead import SignedTreeHead
from sqlalchemy import Row, text
from sqlalchemy.ext.asyncio import AsyncSession

_COLUMNS = "tenant, tree_size, root_hash, signed_at, signature"
_INSERT = text(
    "INSERT INTO audit_tree_head (tenant, tree_size, root_hash, signed_at, signature, key_id)"
    " VALUES (:tenant, :size, :root, :signed_at, :signature, :key_id)"
)
_LATEST = text(
    f"SELECT {_COLUMNS} FROM audit_tree_head WHERE tenant = :tenant"
    " ORDER BY tree_size DESC, signed_at DESC LIMIT 1"
)
_AT_SIZE = text(
    f"SELECT {_COLUMNS} FROM audit_tree_head WHERE tenant = :tenant AND tree_size = :size"
    " ORDER BY signed_at DESC LIMIT 1"
)


class SqlTreeHeads:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, head: SignedTreeHead, key_id: str) -> None:
        await self._session.execute(
            _INSERT,
            {
                "tenant": head.tenant,
                "size": head.tree_size,
                "root": head.root_hash,
                "signed_at": head.timestamp,
                "signature": head.signature,
                "key_id": key_id,
            },
        )

    async def latest(self, tenant: str) -> SignedTreeHead | None:
        return _head((await self._session.execute(_LATEST, {"tenant": tenant})).first())

    async def at_size(self, tenant: str, size: int) -> SignedTreeHead | None:
        params = {"tenant": tenant, "size": size}
        return _head((await self._session.execute(_AT_SIZE, params)).first())


def _head(row: Row[Any] | None) -> SignedTreeHead | None:
    if row is None:
        return None
    tenant, size, root, signed_at, signature = tuple(row)
    return SignedTreeHead(tenant, size, bytes(root), signed_at, bytes(signature))
