"""Reading the roster projection. Every lookup takes the tenant: a pupil or guardian id
means something only within its tenant."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.roster.tables import GUARDIANSHIP, PUPIL

PARENTAL_AUTHORITY = "parental_authority"


@dataclass(frozen=True)
class Pupil:
    tenant: str
    pupil_id: UUID
    school_id: UUID
    board_id: str | None
    enrolled_on: date | None
    left_on: date | None
    group: str | None = None


def _pupil(row: Any) -> Pupil:
    return Pupil(
        row.tenant,
        row.pupil_id,
        row.school_id,
        row.board_id,
        row.enrolled_on,
        row.left_on,
        row.group_code,
    )


class Roster:
    """Works in the caller's session and transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def pupil(self, tenant: str, pupil_id: UUID) -> Pupil | None:
        stmt = select(PUPIL).where(PUPIL.c.tenant == tenant, PUPIL.c.pupil_id == pupil_id)
        row = (await self._session.execute(stmt)).first()
        return None if row is None else _pupil(row)

    async def pupils(self, tenant: str, pupil_ids: Collection[UUID]) -> dict[UUID, Pupil]:
        if not pupil_ids:
            return {}
        stmt = select(PUPIL).where(PUPIL.c.tenant == tenant, PUPIL.c.pupil_id.in_(list(pupil_ids)))
        return {row.pupil_id: _pupil(row) for row in await self._session.execute(stmt)}

    async def tenant_elsewhere(self, tenant: str, pupil_id: UUID) -> str | None:
        """Another tenant with a pupil of this id (the first by name), if any: only to
        tell, for the audit trail, why a request was answered 404 and on whose trail to
        record it; never to show or act on."""
        stmt = (
            select(PUPIL.c.tenant)
            .where(PUPIL.c.pupil_id == pupil_id, PUPIL.c.tenant != tenant)
            .order_by(PUPIL.c.tenant)
            .limit(1)
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def guardians(
        self, tenant: str, pupil_id: UUID, standings: Collection[str] | None = None
    ) -> dict[UUID, str]:
        """The pupil's current guardians with their standing (only these standings)."""
        stmt = select(GUARDIANSHIP.c.guardian_id, GUARDIANSHIP.c.standing).where(
            GUARDIANSHIP.c.tenant == tenant, GUARDIANSHIP.c.pupil_id == pupil_id
        )
        if standings is not None:
            stmt = stmt.where(GUARDIANSHIP.c.standing.in_(list(standings)))
        rows = await self._session.execute(stmt.order_by(GUARDIANSHIP.c.guardian_id))
        return {row.guardian_id: row.standing for row in rows}

    async def standing(self, tenant: str, pupil_id: UUID, guardian_id: UUID) -> str | None:
        stmt = select(GUARDIANSHIP.c.standing).where(
            GUARDIANSHIP.c.tenant == tenant,
            GUARDIANSHIP.c.pupil_id == pupil_id,
            GUARDIANSHIP.c.guardian_id == guardian_id,
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def has_authority(self, tenant: str, pupil_id: UUID, guardian_id: UUID) -> bool:
        return await self.standing(tenant, pupil_id, guardian_id) == PARENTAL_AUTHORITY

    async def pupils_of_guardian(self, tenant: str, guardian_id: UUID) -> list[UUID]:
        stmt = select(GUARDIANSHIP.c.pupil_id).where(
            GUARDIANSHIP.c.tenant == tenant, GUARDIANSHIP.c.guardian_id == guardian_id
        )
        return sorted((await self._session.execute(stmt)).scalars())

    async def guardians_of_schools(
        self, tenant: str, school_ids: Collection[UUID] | None, group: str | None = None
    ) -> list[UUID]:
        """Guardians of the pupils on the roll of these schools (None: the whole tenant),
        only of the pupils in class group `group` when given."""
        stmt = (
            select(GUARDIANSHIP.c.guardian_id)
            .join(
                PUPIL,
                (PUPIL.c.tenant == GUARDIANSHIP.c.tenant)
                & (PUPIL.c.pupil_id == GUARDIANSHIP.c.pupil_id),
            )
            .where(GUARDIANSHIP.c.tenant == tenant, PUPIL.c.left_on.is_(None))
            .distinct()
        )
        if school_ids is not None:
            stmt = stmt.where(PUPIL.c.school_id.in_(list(school_ids)))
        if group is not None:
            stmt = stmt.where(PUPIL.c.group_code == group)
        return sorted((await self._session.execute(stmt)).scalars())
