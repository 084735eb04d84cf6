"""Pupils and their guardians, as the school's roster import last described them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_consent.adapters.tables import GuardianshipRow, PupilRow
from samen_consent.domain.parties import Guardianship, Standing


class SqlRoster:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lock_school(self, tenant: str, school_id: UUID) -> None:
        """Imports of one school run one at a time (until this transaction ends), so two
        uploads of the same file cannot both see a pupil as new."""
        key = f"consent.roster:{tenant}:{school_id}"
        await self._session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
        )

    async def board_of_school(self, tenant: str, school_id: UUID) -> UUID | None:
        stmt = select(col(PupilRow.board_id)).where(
            col(PupilRow.tenant) == tenant,
            col(PupilRow.school_id) == school_id,
            col(PupilRow.board_id).is_not(None),
        )
        return (await self._session.execute(stmt.limit(1))).scalar_one_or_none()

    async def pupils(self, tenant: str, pupil_ids: Iterable[UUID]) -> dict[UUID, PupilRow]:
        stmt = select(PupilRow).where(
            col(PupilRow.tenant) == tenant, col(PupilRow.pupil_id).in_(list(pupil_ids))
        )
        return {row.pupil_id: row for row in (await self._session.execute(stmt)).scalars()}

    async def guardianships(
        self, tenant: str, pupil_ids: Iterable[UUID]
    ) -> dict[UUID, list[GuardianshipRow]]:
        stmt = select(GuardianshipRow).where(
            col(GuardianshipRow.tenant) == tenant,
            col(GuardianshipRow.pupil_id).in_(list(pupil_ids)),
        )
        found: dict[UUID, list[GuardianshipRow]] = defaultdict(list)
        for row in (await self._session.execute(stmt)).scalars():
            found[row.pupil_id].append(row)
        return found

    def add(self, row: PupilRow | GuardianshipRow) -> None:
        self._session.add(row)

    async def pupil(self, tenant: str, pupil_id: UUID, *, lock: bool = False) -> PupilRow | None:
        stmt = select(PupilRow).where(
            col(PupilRow.tenant) == tenant, col(PupilRow.pupil_id) == pupil_id
        )
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def visible_pupil(
        self, staff: StaffPrincipal, pupil_id: UUID, *, lock: bool = False
    ) -> PupilRow | None:
        stmt = scoped(select(PupilRow).where(col(PupilRow.pupil_id) == pupil_id), staff)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def pupil_anywhere(self, pupil_id: UUID) -> PupilRow | None:
        """Only to tell an attempt on another tenant's pupil from a made-up id (audit)."""
        stmt = select(PupilRow).where(col(PupilRow.pupil_id) == pupil_id).limit(1)
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def current_guardianships(self, tenant: str, pupil_id: UUID) -> list[Guardianship]:
        stmt = select(GuardianshipRow).where(
            col(GuardianshipRow.tenant) == tenant,
            col(GuardianshipRow.pupil_id) == pupil_id,
            col(GuardianshipRow.active).is_(True),
        )
        rows = (await self._session.execute(stmt)).scalars()
        return [Guardianship(row.guardian_id, Standing(row.standing)) for row in rows]

    async def has_authority(self, tenant: str, pupil_id: UUID, guardian_id: UUID) -> bool:
        """Parental authority today (the kit's reach asks this of a guardian session)."""
        current = await self.current_guardianships(tenant, pupil_id)
        return Guardianship(guardian_id, Standing.PARENTAL_AUTHORITY) in current

    async def all_guardianships(self, tenant: str, pupil_id: UUID) -> list[GuardianshipRow]:
        stmt = (
            select(GuardianshipRow)
            .where(col(GuardianshipRow.tenant) == tenant, col(GuardianshipRow.pupil_id) == pupil_id)
            .order_by(col(GuardianshipRow.guardian_id))
        )
        return list((await self._session.execute(stmt)).scalars())

    async def school_known(self, staff: StaffPrincipal, school_id: UUID) -> bool:
        """A school is known to a staff member when it has pupils they may see."""
        stmt = scoped(select(func.count()).select_from(PupilRow), staff, PupilRow)
        stmt = stmt.where(col(PupilRow.school_id) == school_id)
        return bool((await self._session.execute(stmt)).scalar_one())

    async def school_anywhere(self, school_id: UUID) -> PupilRow | None:
        stmt = select(PupilRow).where(col(PupilRow.school_id) == school_id).limit(1)
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def pupils_of_school(self, staff: StaffPrincipal, school_id: UUID) -> Sequence[PupilRow]:
        stmt = scoped(select(PupilRow), staff).where(col(PupilRow.school_id) == school_id)
        stmt = stmt.order_by(col(PupilRow.pupil_id))
        return list((await self._session.execute(stmt)).scalars())
