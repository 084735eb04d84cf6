"""Each school's kind as its board set it, and where the roster knows the school from."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from samen_kit.roster.tables import PUPIL
from sqlalchemy import select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_disputes.adapters.tables import SchoolKindRow
from samen_disputes.domain import SchoolKind


@dataclass(frozen=True)
class KnownSchool:
    """A school the tenant's roster has (had) a pupil at, with the board it is under."""

    tenant: str
    school_id: UUID
    board_id: str | None


class SqlSchoolKinds:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of(self, tenant: str, school_id: UUID) -> SchoolKind:
        """Public unless the board said otherwise."""
        return (await self.of_schools([(tenant, school_id)]))[(tenant, school_id)]

    async def of_schools(
        self, schools: Iterable[tuple[str, UUID]]
    ) -> dict[tuple[str, UUID], SchoolKind]:
        wanted = sorted(set(schools))
        if not wanted:
            return {}
        keys = tuple_(col(SchoolKindRow.tenant), col(SchoolKindRow.school_id))
        stmt = select(SchoolKindRow).where(keys.in_(wanted))
        set_ = {
            (row.tenant, row.school_id): SchoolKind(row.kind)
            for row in (await self._session.execute(stmt)).scalars()
        }
        return {key: set_.get(key, SchoolKind.PUBLIC) for key in wanted}

    async def save(self, tenant: str, school_id: UUID, kind: SchoolKind, at: datetime) -> None:
        values = {"tenant": tenant, "school_id": school_id, "kind": str(kind), "updated_at": at}
        stmt = insert(SchoolKindRow).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[col(SchoolKindRow.tenant), col(SchoolKindRow.school_id)],
            set_={"kind": str(kind), "updated_at": at},
        )
        await self._session.execute(stmt)

    async def known_school(self, tenant: str, school_id: UUID) -> KnownSchool | None:
        """The school as the tenant's roster knows it: from a pupil enrolled there."""
        stmt = (
            select(PUPIL.c.board_id)
            .where(PUPIL.c.tenant == tenant, PUPIL.c.school_id == school_id)
            .order_by(PUPIL.c.left_on.is_not(None), PUPIL.c.pupil_id)
            .limit(1)
        )
        row = (await self._session.execute(stmt)).first()
        return None if row is None else KnownSchool(tenant, school_id, row.board_id)

    async def tenant_elsewhere(self, tenant: str, school_id: UUID) -> str | None:
        """Another tenant whose roster knows this school id: only to record, for the audit
        trail, why a request was answered 404; never to show or act on."""
        stmt = (
            select(PUPIL.c.tenant)
            .where(PUPIL.c.school_id == school_id, PUPIL.c.tenant != tenant)
            .order_by(PUPIL.c.tenant)
            .limit(1)
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()
