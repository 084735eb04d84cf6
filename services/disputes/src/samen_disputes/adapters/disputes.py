"""Disputes, their moves and notes."""

from collections.abc import Sequence
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_disputes.adapters.tables import DisputeRow, MoveRow, NoteRow


class SqlDisputes:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, row: DisputeRow | MoveRow | NoteRow) -> None:
        self._session.add(row)

    async def flush(self) -> None:
        await self._session.flush()

    async def in_tenant(
        self, tenant: str, dispute_id: UUID, *, lock: bool = False
    ) -> DisputeRow | None:
        """With `lock`, the row lock makes concurrent moves apply one after the other."""
        stmt = select(DisputeRow).where(
            col(DisputeRow.tenant) == tenant, col(DisputeRow.id) == dispute_id
        )
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def locked_by_id(self, dispute_id: UUID) -> DisputeRow | None:
        """For the scheduler, which acts for every tenant."""
        stmt = select(DisputeRow).where(col(DisputeRow.id) == dispute_id).with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def visible_to(
        self, staff: StaffPrincipal, dispute_id: UUID, *, lock: bool = False
    ) -> DisputeRow | None:
        stmt = scoped(select(DisputeRow).where(col(DisputeRow.id) == dispute_id), staff)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def anywhere(self, dispute_id: UUID) -> DisputeRow | None:
        """Unscoped: only to tell, for the audit trail, why a request was answered 404."""
        return await self._session.get(DisputeRow, dispute_id)

    async def list_visible(self, staff: StaffPrincipal, *, open_only: bool) -> list[DisputeRow]:
        stmt = scoped(select(DisputeRow), staff).order_by(col(DisputeRow.opened_at))
        if open_only:
            stmt = stmt.where(col(DisputeRow.ending).is_(None))
        return list((await self._session.execute(stmt)).scalars())

    async def of_pupil(self, tenant: str, pupil_id: UUID) -> list[DisputeRow]:
        stmt = (
            select(DisputeRow)
            .where(col(DisputeRow.tenant) == tenant, col(DisputeRow.pupil_id) == pupil_id)
            .order_by(col(DisputeRow.opened_at).desc())
        )
        return list((await self._session.execute(stmt)).scalars())

    async def all_open(self) -> list[DisputeRow]:
        stmt = select(DisputeRow).where(col(DisputeRow.ending).is_(None))
        return list((await self._session.execute(stmt)).scalars())

    async def moves(self, dispute_id: UUID) -> Sequence[MoveRow]:
        stmt = select(MoveRow).where(col(MoveRow.dispute_id) == dispute_id)
        return (await self._session.execute(stmt.order_by(col(MoveRow.at)))).scalars().all()

    async def notes(self, dispute_id: UUID) -> Sequence[NoteRow]:
        stmt = select(NoteRow).where(col(NoteRow.dispute_id) == dispute_id)
        return (await self._session.execute(stmt.order_by(col(NoteRow.at)))).scalars().all()
