"""Evidence rows read on their own: for receipts and lists of what was said."""

from __future__ import annotations

from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_consent.adapters.tables import EvidenceRow


class SqlEvidence:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def visible(self, staff: StaffPrincipal, evidence_id: UUID) -> EvidenceRow | None:
        stmt = scoped(select(EvidenceRow).where(col(EvidenceRow.evidence_id) == evidence_id), staff)
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def get(self, tenant: str, evidence_id: UUID) -> EvidenceRow | None:
        row = await self._session.get(EvidenceRow, evidence_id)
        return row if row is not None and row.tenant == tenant else None

    async def anywhere(self, evidence_id: UUID) -> EvidenceRow | None:
        """Only to tell an attempt on another tenant's evidence from a made-up id (audit)."""
        return await self._session.get(EvidenceRow, evidence_id)

    async def of_request(self, tenant: str, request_id: UUID) -> list[EvidenceRow]:
        stmt = (
            select(EvidenceRow)
            .where(col(EvidenceRow.tenant) == tenant, col(EvidenceRow.request_id) == request_id)
            .order_by(col(EvidenceRow.at), col(EvidenceRow.party_id))
        )
        return list((await self._session.execute(stmt)).scalars())
