"""The projections of other services' facts: pupils, guardians, OPPs."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_disputes.adapters.tables import GuardianRow, OppRow, PupilRow

PARENTAL_AUTHORITY = "parental_authority"


@dataclass(frozen=True)
class Enrolment:
    tenant: str
    pupil_id: UUID
    school_id: UUID
    board_id: str | None
    enrolled_on: date


class SqlRoster:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def enrol(self, enrolment: Enrolment) -> None:
        """The latest enrolment wins: a pupil who changes school moves with it."""
        values = {
            "pupil_id": enrolment.pupil_id,
            "tenant": enrolment.tenant,
            "school_id": enrolment.school_id,
            "board_id": enrolment.board_id,
            "enrolled_on": enrolment.enrolled_on,
            "left_on": None,
        }
        stmt = insert(PupilRow).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[col(PupilRow.tenant), col(PupilRow.pupil_id)],
            set_={k: v for k, v in values.items() if k not in {"tenant", "pupil_id"}},
        )
        await self._session.execute(stmt)

    async def mark_left(self, tenant: str, pupil_id: UUID, school_id: UUID, left_on: date) -> None:
        pupil = await self._session.get(PupilRow, (tenant, pupil_id))
        if pupil is not None and pupil.school_id == school_id:
            pupil.left_on = left_on

    async def record_guardian(
        self, tenant: str, pupil_id: UUID, guardian_id: UUID, standing: str
    ) -> None:
        values = {
            "pupil_id": pupil_id,
            "guardian_id": guardian_id,
            "tenant": tenant,
            "standing": standing,
        }
        stmt = insert(GuardianRow).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[
                col(GuardianRow.tenant),
                col(GuardianRow.pupil_id),
                col(GuardianRow.guardian_id),
            ],
            set_={"standing": standing},
        )
        await self._session.execute(stmt)

    async def end_guardian(self, tenant: str, pupil_id: UUID, guardian_id: UUID) -> None:
        await self._session.execute(
            delete(GuardianRow).where(
                col(GuardianRow.tenant) == tenant,
                col(GuardianRow.pupil_id) == pupil_id,
                col(GuardianRow.guardian_id) == guardian_id,
            )
        )

    async def record_opp(self, opp: OppRow) -> None:
        values = {
            "opp_id": opp.opp_id,
            "tenant": opp.tenant,
            "pupil_id": opp.pupil_id,
            "started_on": opp.started_on,
            "action_part_version": opp.action_part_version,
        }
        stmt = insert(OppRow).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[col(OppRow.tenant), col(OppRow.opp_id)],
            set_={k: v for k, v in values.items() if k not in {"tenant", "opp_id"}},
        )
        await self._session.execute(stmt)

    async def pupil(self, tenant: str, pupil_id: UUID) -> PupilRow | None:
        stmt = select(PupilRow).where(
            col(PupilRow.tenant) == tenant, col(PupilRow.pupil_id) == pupil_id
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def pupil_anywhere(self, pupil_id: UUID) -> PupilRow | None:
        """Unscoped: only to tell, for the audit trail, why a request was answered 404."""
        stmt = select(PupilRow).where(col(PupilRow.pupil_id) == pupil_id).limit(1)
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def standing(self, tenant: str, pupil_id: UUID, guardian_id: UUID) -> str | None:
        stmt = select(col(GuardianRow.standing)).where(
            col(GuardianRow.tenant) == tenant,
            col(GuardianRow.pupil_id) == pupil_id,
            col(GuardianRow.guardian_id) == guardian_id,
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def has_authority(self, tenant: str, pupil_id: UUID, guardian_id: UUID) -> bool:
        return await self.standing(tenant, pupil_id, guardian_id) == PARENTAL_AUTHORITY

    async def opp(self, tenant: str, opp_id: UUID) -> OppRow | None:
        stmt = select(OppRow).where(col(OppRow.tenant) == tenant, col(OppRow.opp_id) == opp_id)
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def latest_opp(self, tenant: str, pupil_id: UUID) -> OppRow | None:
        stmt = (
            select(OppRow)
            .where(col(OppRow.tenant) == tenant, col(OppRow.pupil_id) == pupil_id)
            .order_by(col(OppRow.started_on).desc(), col(OppRow.action_part_version).desc())
            .limit(1)
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()
