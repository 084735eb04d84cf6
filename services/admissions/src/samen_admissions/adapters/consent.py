"""The consent projection: the latest fact per pupil and purpose."""

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_admissions.adapters.tables import ConsentFactRow
from samen_admissions.domain.consent import ConsentFact, ConsentStatus, newer


class SqlConsentFacts:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_pupil(self, tenant: str, pupil_id: UUID) -> dict[str, ConsentFact]:
        stmt = select(ConsentFactRow).where(
            col(ConsentFactRow.tenant) == tenant, col(ConsentFactRow.pupil_id) == pupil_id
        )
        rows = (await self._session.execute(stmt)).scalars()
        return {
            r.purpose: ConsentFact(r.purpose, ConsentStatus(r.status), r.at, r.valid_until)
            for r in rows
        }

    async def record(self, tenant: str, pupil_id: UUID, fact: ConsentFact) -> None:
        """Keep `fact` unless a newer one for the purpose is held (facts may arrive late)."""
        key = (tenant, pupil_id, fact.purpose)
        row = await self._session.get(ConsentFactRow, key, with_for_update=True)
        held = ConsentFact(row.purpose, ConsentStatus(row.status), row.at) if row else None
        if not newer(held, fact):
            return
        if row is None:
            row = ConsentFactRow(
                tenant=tenant, pupil_id=pupil_id, purpose=fact.purpose, status=fact.status
            )
            self._session.add(row)
        row.status = fact.status
        row.at = fact.at
        row.valid_until = fact.valid_until
