"""The projections of consent and disputes facts, and the staff directory."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from types import MappingProxyType
from uuid import UUID

from samen_kit.roster import PARENTAL_AUTHORITY, Pupil, Roster
from sqlalchemy import or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_meetings.adapters.mapping import tenant_uuid
from samen_meetings.adapters.projection_tables import (
    ConsentStateRow,
    OppDisputeRow,
    StaffMemberRow,
)
from samen_meetings.domain.consent_gate import ConsentState, ConsentStatus, PupilConsents
from samen_meetings.domain.kinds import ParticipantRole
from samen_meetings.domain.participants import PupilContext

AUTHORITY = PARENTAL_AUTHORITY
OPP_DISPUTE_SUBJECTS = frozenset({"opp", "opp_action_part"})


class SqlProjections:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self.roster = Roster(session)

    # --- pupils and guardians (the kit's roster projection) ---------------------------------

    async def pupil(self, tenant: str, pupil_id: UUID) -> Pupil | None:
        return await self.roster.pupil(tenant, pupil_id)

    async def guardians(self, tenant: str, pupil_id: UUID) -> dict[UUID, str]:
        """Every current guardian of the pupil with their standing."""
        return await self.roster.guardians(tenant, pupil_id)

    async def pupil_context(self, pupil: Pupil) -> PupilContext:
        guardians = await self.guardians(pupil.tenant, pupil.pupil_id)
        with_authority = frozenset(g for g, standing in guardians.items() if standing == AUTHORITY)
        return PupilContext(
            tenant_uuid(pupil.tenant), pupil.school_id, pupil.pupil_id, with_authority
        )

    # --- consent --------------------------------------------------------------------------

    async def set_consent(
        self,
        tenant: str,
        pupil_id: UUID,
        purpose: str,
        state: ConsentState,
        request_id: UUID,
    ) -> None:
        values = {
            "status": state.status.value,
            "valid_until": state.valid_until,
            "request_id": request_id,
        }
        stmt = insert(ConsentStateRow).values(
            tenant=tenant, pupil_id=pupil_id, purpose=purpose, **values
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["tenant", "pupil_id", "purpose"], set_=values
        )
        await self._session.execute(stmt)

    async def consent_request_of(self, tenant: str, pupil_id: UUID, purpose: str) -> UUID | None:
        row = await self._session.get(ConsentStateRow, (tenant, pupil_id, purpose))
        return row.request_id if row is not None else None

    async def consents(self, tenant: str, pupil_id: UUID) -> PupilConsents:
        stmt = select(ConsentStateRow).where(
            col(ConsentStateRow.tenant) == tenant, col(ConsentStateRow.pupil_id) == pupil_id
        )
        rows = (await self._session.execute(stmt)).scalars()
        states = {r.purpose: ConsentState(ConsentStatus(r.status), r.valid_until) for r in rows}
        return PupilConsents(pupil_id, MappingProxyType(states))

    # --- staff directory ------------------------------------------------------------------

    async def put_staff(
        self, tenant: str, person_id: UUID, role: str, school_ids: Iterable[UUID]
    ) -> None:
        values = {"role": role, "school_ids": sorted(set(school_ids))}
        stmt = insert(StaffMemberRow).values(tenant=tenant, person_id=person_id, **values)
        stmt = stmt.on_conflict_do_update(index_elements=["tenant", "person_id"], set_=values)
        await self._session.execute(stmt)

    async def staff_members(self, tenant: str, ids: Iterable[UUID]) -> dict[UUID, StaffMemberRow]:
        wanted = list(set(ids))
        if not wanted:
            return {}
        stmt = select(StaffMemberRow).where(
            col(StaffMemberRow.tenant) == tenant, col(StaffMemberRow.person_id).in_(wanted)
        )
        return {row.person_id: row for row in (await self._session.execute(stmt)).scalars()}

    async def staff_of_school(self, tenant: str, school_id: UUID) -> list[StaffMemberRow]:
        """Who works at the school, and the tenant's trajectbegeleiders (who work for
        the samenwerkingsverband, at no one school)."""
        stmt = (
            select(StaffMemberRow)
            .where(
                col(StaffMemberRow.tenant) == tenant,
                or_(
                    col(StaffMemberRow.school_ids).contains([school_id]),
                    col(StaffMemberRow.role) == ParticipantRole.TRAJECTBEGELEIDER.value,
                ),
            )
            .order_by(col(StaffMemberRow.role), col(StaffMemberRow.person_id))
        )
        return list((await self._session.execute(stmt)).scalars())

    # --- disputes about an OPP -------------------------------------------------------------

    async def open_dispute(
        self,
        tenant: str,
        dispute_id: UUID,
        pupil_id: UUID,
        opp_id: UUID | None,
        subject: str,
        at: datetime,
    ) -> None:
        stmt = insert(OppDisputeRow).values(
            dispute_id=dispute_id,
            tenant=tenant,
            pupil_id=pupil_id,
            opp_id=opp_id,
            subject=subject,
            opened_at=at,
        )
        await self._session.execute(stmt.on_conflict_do_nothing(index_elements=["dispute_id"]))

    async def close_dispute(self, tenant: str, dispute_id: UUID, at: datetime) -> None:
        stmt = (
            update(OppDisputeRow)
            .where(col(OppDisputeRow.dispute_id) == dispute_id)
            .where(col(OppDisputeRow.tenant) == tenant)
            .where(col(OppDisputeRow.closed_at).is_(None))
            .values(closed_at=at)
        )
        await self._session.execute(stmt)

    async def open_disputes(
        self, tenant: str, pupil_id: UUID, opp_id: UUID | None = None
    ) -> list[UUID]:
        """Open disputes about the pupil's OPP; with `opp_id`, about that OPP (a dispute
        that names no OPP concerns the pupil's current one, so it counts too)."""
        stmt = select(col(OppDisputeRow.dispute_id)).where(
            col(OppDisputeRow.tenant) == tenant,
            col(OppDisputeRow.pupil_id) == pupil_id,
            col(OppDisputeRow.closed_at).is_(None),
        )
        if opp_id is not None:
            stmt = stmt.where(
                or_(col(OppDisputeRow.opp_id) == opp_id, col(OppDisputeRow.opp_id).is_(None))
            )
        return sorted((await self._session.execute(stmt)).scalars())
