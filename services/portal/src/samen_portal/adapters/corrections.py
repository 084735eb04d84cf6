"""Correction requests in PostgreSQL: every query about them lives here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from samen_contract.events.portal import CorrectionOutcome
from samen_kit.privacy import holdings_in
from sqlalchemy.ext.asyncio import AsyncSession

from samen_portal.adapters.tables import correction_request as table

# What the access export reads here: a guardian's own requests (the kit's rule).
HOLDINGS = holdings_in([table])


@dataclass(frozen=True)
class CorrectionRow:
    request_id: UUID
    tenant: str
    pupil_id: UUID
    school_id: UUID
    guardian_id: UUID
    area: str
    explanation: str
    requested_at: datetime
    answer_by: date
    outcome: CorrectionOutcome | None
    reason: str | None
    answered_at: datetime | None


class CorrectionRequests:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, row: CorrectionRow) -> None:
        values = {**row.__dict__, "outcome": None, "reason": None, "answered_at": None}
        await self._session.execute(sa.insert(table).values(**values))

    async def of_pupil(
        self, tenant: str, pupil_id: UUID, *, guardian_id: UUID | None = None
    ) -> list[CorrectionRow]:
        """The pupil's requests, newest first (only `guardian_id`'s when given)."""
        statement = sa.select(table).where(table.c.tenant == tenant, table.c.pupil_id == pupil_id)
        if guardian_id is not None:
            statement = statement.where(table.c.guardian_id == guardian_id)
        rows = await self._session.execute(statement.order_by(table.c.requested_at.desc()))
        return [_row(r) for r in rows.all()]

    async def locked(self, tenant: str, pupil_id: UUID, request_id: UUID) -> CorrectionRow | None:
        """The request, locked until the transaction ends (two answers queue up)."""
        statement = (
            sa.select(table)
            .where(
                table.c.tenant == tenant,
                table.c.pupil_id == pupil_id,
                table.c.request_id == request_id,
            )
            .with_for_update()
        )
        found = (await self._session.execute(statement)).first()
        return None if found is None else _row(found)

    async def answer(
        self, request_id: UUID, outcome: CorrectionOutcome, reason: str | None, at: datetime
    ) -> None:
        await self._session.execute(
            sa.update(table)
            .where(table.c.request_id == request_id)
            .values(outcome=outcome.value, reason=reason, answered_at=at)
        )


def _row(row: Any) -> CorrectionRow:
    """A row of the table (its columns are the dataclass's fields)."""
    outcome = None if row.outcome is None else CorrectionOutcome(row.outcome)
    return CorrectionRow(**{**row._mapping, "outcome": outcome})
