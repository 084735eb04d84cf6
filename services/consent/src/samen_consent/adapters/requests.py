"""Consent requests with their evidence, loaded as domain values and saved back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import Select, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_consent.adapters.purposes import SqlPurposes
from samen_consent.adapters.request_codec import (
    Placement,
    evidence_row,
    new_request_row,
    request_of,
    request_values,
)
from samen_consent.adapters.tables import EvidenceRow, RequestRow
from samen_consent.domain.evidence import Evidence
from samen_consent.domain.purposes import Purpose
from samen_consent.domain.request import ConsentRequest, RequestState

LIVE_STATES = (RequestState.OPEN.value, RequestState.GIVEN.value)


@dataclass(frozen=True)
class StoredRequest:
    request: ConsentRequest
    placement: Placement


class SqlRequests:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._purposes = SqlPurposes(session)

    async def get(
        self, tenant: str, request_id: UUID, *, lock: bool = False
    ) -> StoredRequest | None:
        stmt = select(RequestRow).where(
            col(RequestRow.tenant) == tenant, col(RequestRow.request_id) == request_id
        )
        return await self._one(stmt, lock=lock)

    async def visible(
        self, staff: StaffPrincipal, request_id: UUID, *, lock: bool = False
    ) -> StoredRequest | None:
        stmt = scoped(select(RequestRow).where(col(RequestRow.request_id) == request_id), staff)
        return await self._one(stmt, lock=lock)

    async def anywhere(self, request_id: UUID) -> RequestRow | None:
        """Only to tell an attempt on another tenant's request from a made-up id (audit)."""
        return await self._session.get(RequestRow, request_id)

    async def of_pupil(
        self, tenant: str, pupil_id: UUID, purpose_code: str | None = None, *, lock: bool = False
    ) -> list[StoredRequest]:
        stmt = select(RequestRow).where(
            col(RequestRow.tenant) == tenant, col(RequestRow.pupil_id) == pupil_id
        )
        if purpose_code is not None:
            stmt = stmt.where(col(RequestRow.purpose_code) == purpose_code)
        stmt = stmt.order_by(col(RequestRow.requested_at))
        return await self._many(stmt.with_for_update() if lock else stmt)

    async def of_school(
        self,
        staff: StaffPrincipal,
        school_id: UUID,
        *,
        states: Sequence[str] = (),
        purpose_code: str | None = None,
    ) -> list[StoredRequest]:
        stmt = scoped(select(RequestRow), staff).where(col(RequestRow.school_id) == school_id)
        if states:
            stmt = stmt.where(col(RequestRow.state).in_(list(states)))
        if purpose_code is not None:
            stmt = stmt.where(col(RequestRow.purpose_code) == purpose_code)
        return await self._many(stmt.order_by(col(RequestRow.requested_at).desc()))

    def add(self, request: ConsentRequest, placement: Placement) -> None:
        self._session.add(new_request_row(request, placement))

    async def save(self, stored: StoredRequest, new_evidence: Sequence[Evidence] = ()) -> None:
        """Store the transition's result; evidence already stored is left as it is."""
        row = await self._session.get(RequestRow, stored.request.request_id)
        if row is None:
            raise LookupError(f"request {stored.request.request_id} is not stored")
        for name, value in request_values(stored.request).items():
            setattr(row, name, value)
        for evidence in new_evidence:
            values = evidence_row(evidence, stored.placement, stored.request.pupil_id)
            stmt = insert(EvidenceRow).values(values.model_dump()).on_conflict_do_nothing()
            await self._session.execute(stmt)

    async def due_to_expire(self, now: datetime, limit: int = 500) -> list[tuple[str, UUID]]:
        stmt = (
            select(col(RequestRow.tenant), col(RequestRow.request_id))
            .where(col(RequestRow.state).in_(LIVE_STATES), col(RequestRow.expires_at) <= now)
            .order_by(col(RequestRow.expires_at))
            .limit(limit)
        )
        return [(row[0], row[1]) for row in (await self._session.execute(stmt)).all()]

    async def open_since(self, before: datetime, limit: int = 500) -> list[tuple[str, UUID]]:
        stmt = (
            select(col(RequestRow.tenant), col(RequestRow.request_id))
            .where(
                col(RequestRow.state) == RequestState.OPEN.value,
                col(RequestRow.requested_at) <= before,
            )
            .order_by(col(RequestRow.requested_at))
            .limit(limit)
        )
        return [(row[0], row[1]) for row in (await self._session.execute(stmt)).all()]

    async def _one(self, stmt: Select[RequestRow], *, lock: bool) -> StoredRequest | None:
        if lock:
            stmt = stmt.with_for_update()
        row = (await self._session.execute(stmt)).scalar_one_or_none()
        return None if row is None else (await self._load([row]))[0]

    async def _many(self, stmt: Select[RequestRow]) -> list[StoredRequest]:
        return await self._load(list((await self._session.execute(stmt)).scalars()))

    async def _load(self, rows: Sequence[RequestRow]) -> list[StoredRequest]:
        """Two queries for the evidence and one per purpose version, however many rows."""
        ids = [row.request_id for row in rows]
        stmt = select(EvidenceRow).where(col(EvidenceRow.request_id).in_(ids))
        evidence: dict[UUID, list[EvidenceRow]] = defaultdict(list)
        for found in (await self._session.execute(stmt)).scalars():
            evidence[found.request_id].append(found)
        purposes: dict[tuple[str, str, int], Purpose] = {}
        loaded = []
        for row in rows:
            key = (row.tenant, row.purpose_code, row.purpose_version)
            if key not in purposes:
                purposes[key] = await self._purpose(*key)
            request = request_of(row, purposes[key], evidence[row.request_id])
            loaded.append(
                StoredRequest(request, Placement(row.tenant, row.school_id, row.board_id))
            )
        return loaded

    async def _purpose(self, tenant: str, code: str, version: int) -> Purpose:
        purpose = await self._purposes.version(tenant, code, version)
        if purpose is None:
            raise LookupError(f"purpose {code} v{version} is missing in {tenant}")
        return purpose
