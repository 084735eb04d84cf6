"""Requests and their advice, registrations and absences."""

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_admissions.adapters.tables import AbsenceRow, AdviceRow, RegistrationRow, RequestRow

Row = TypeVar("Row", RequestRow, RegistrationRow, AbsenceRow)


class SqlRows:
    """Rows about a pupil, found within what the caller may see."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, row: Any) -> None:
        self._session.add(row)

    async def flush(self) -> None:
        await self._session.flush()

    async def visible_to(
        self, model: type[Row], staff: StaffPrincipal, row_id: UUID, *, lock: bool = False
    ) -> Row | None:
        stmt = scoped(select(model).where(col(model.id) == row_id), staff)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def in_tenant(
        self, model: type[Row], tenant: str, row_id: UUID, *, lock: bool = False
    ) -> Row | None:
        stmt = select(model).where(col(model.tenant) == tenant, col(model.id) == row_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def anywhere(self, model: type[Row], row_id: UUID) -> Row | None:
        """Unscoped: only to tell, for the audit trail, why a call was answered 404."""
        return await self._session.get(model, row_id)

    async def list_visible(self, model: type[Row], staff: StaffPrincipal) -> list[Row]:
        stmt = scoped(select(model), staff).order_by(col(model.id))
        return list((await self._session.execute(stmt)).scalars())

    async def advices(self, request_id: UUID) -> Sequence[AdviceRow]:
        stmt = select(AdviceRow).where(col(AdviceRow.request_id) == request_id)
        return (await self._session.execute(stmt.order_by(col(AdviceRow.given_at)))).scalars().all()

    async def granted_ending_by(self, last_day: date) -> list[RequestRow]:
        """For the timers, across tenants: granted requests ending on or before `last_day`."""
        stmt = select(RequestRow).where(
            col(RequestRow.status) == "granted",
            col(RequestRow.end_date) <= last_day,
        )
        return list((await self._session.execute(stmt)).scalars())

    async def undecided_registrations_due_before(self, day: date) -> list[RegistrationRow]:
        stmt = select(RegistrationRow).where(
            col(RegistrationRow.outcome).is_(None), col(RegistrationRow.decide_by) < day
        )
        return list((await self._session.execute(stmt)).scalars())

    async def unreported_absences_since(self, home_before: date) -> list[AbsenceRow]:
        stmt = select(AbsenceRow).where(
            col(AbsenceRow.ended_on).is_(None),
            col(AbsenceRow.reported_on).is_(None),
            col(AbsenceRow.home_since) < home_before,
        )
        return list((await self._session.execute(stmt)).scalars())
