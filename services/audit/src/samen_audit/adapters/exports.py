"""What an export selects from a tenant's log, and the record of each export."""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_SELECTION = text(
    """
    SELECT l.leaf_index, l.event_id, l.flag, b.entry, e.reason
    FROM audit_leaf l
    LEFT JOIN audit_body b ON b.tenant = l.tenant AND b.leaf_index = l.leaf_index
    LEFT JOIN audit_erasure e ON e.tenant = l.tenant AND e.leaf_index = l.leaf_index
    WHERE l.tenant = :tenant AND l.leaf_index < :size
      AND l.occurred_at >= :start AND l.occurred_at < :end
      AND (CAST(:board AS text) IS NULL OR l.board = :board)
      AND (CAST(:school AS text) IS NULL OR l.school = :school)
    ORDER BY l.leaf_index
    """
)
_RECORD = text(
    """
    INSERT INTO audit_export (export_id, tenant, scope, board, school, period_from, period_to,
        tree_size, entry_count, consistency_from, exporter_role, actor, archive_sha256,
        exported_at)
    VALUES (:export_id, :tenant, :scope, :board, :school, :period_from, :period_to,
        :tree_size, :entry_count, :consistency_from, :exporter_role, :actor, :archive_sha256,
        :exported_at)
    """
)


@dataclass(frozen=True)
class Selection:
    """Leaves of one tenant below ``size``, occurred in ``[start, end)``, maybe narrowed."""

    tenant: str
    size: int
    start: datetime
    end: datetime
    board: str | None = None
    school: str | None = None


@dataclass(frozen=True)
class SelectedLeaf:
    index: int
    event_id: str | None
    flag: str | None
    entry: bytes | None  # None once erased
    erased_because: str | None = None  # the basis code of its erasure (a retention rule)


@dataclass(frozen=True)
class ExportRecord:
    export_id: UUID
    tenant: str
    scope: str
    board: str | None
    school: str | None
    period_from: date
    period_to: date
    tree_size: int
    entry_count: int
    consistency_from: int | None
    exporter_role: str
    actor: str
    archive_sha256: str
    exported_at: datetime


class SqlExports:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def select(self, selection: Selection) -> list[SelectedLeaf]:
        rows = await self._session.execute(_SELECTION, vars(selection))
        return [
            SelectedLeaf(row[0], row[1], row[2], None if row[3] is None else bytes(row[3]), row[4])
            for row in rows
        ]

    async def record(self, export: ExportRecord) -> None:
        await self._session.execute(_RECORD, vars(export))
