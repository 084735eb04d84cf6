"""Consent requests linked to an OPP version, and the answers given to them."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_plans.adapters.tables import ConsentAnswerRow, ConsentLinkRow


class SqlConsentLinks:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, row: ConsentLinkRow | ConsentAnswerRow) -> None:
        self._session.add(row)

    async def link(
        self, tenant: str, request_id: UUID, *, lock: bool = False
    ) -> ConsentLinkRow | None:
        stmt = select(ConsentLinkRow).where(
            col(ConsentLinkRow.tenant) == tenant, col(ConsentLinkRow.request_id) == request_id
        )
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def links_of(self, tenant: str, opp_id: UUID, version: int) -> Sequence[ConsentLinkRow]:
        stmt = (
            select(ConsentLinkRow)
            .where(
                col(ConsentLinkRow.tenant) == tenant,
                col(ConsentLinkRow.opp_id) == opp_id,
                col(ConsentLinkRow.version) == version,
            )
            .order_by(col(ConsentLinkRow.requested_at))
        )
        return (await self._session.execute(stmt)).scalars().all()

    async def answers(self, tenant: str, request_id: UUID) -> Sequence[ConsentAnswerRow]:
        stmt = (
            select(ConsentAnswerRow)
            .where(
                col(ConsentAnswerRow.tenant) == tenant,
                col(ConsentAnswerRow.request_id) == request_id,
            )
            .order_by(col(ConsentAnswerRow.answered_at), col(ConsentAnswerRow.event_id))
        )
        return (await self._session.execute(stmt)).scalars().all()
