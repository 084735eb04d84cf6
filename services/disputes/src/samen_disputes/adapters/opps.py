"""The projection of the plans service's OPPs, keyed by tenant. (Pupils and their
guardians are the kit's roster projection: `samen_kit.roster`.)"""

from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_disputes.adapters.tables import OppRow


class SqlOpps:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, opp: OppRow) -> None:
        """A new OPP; one known already keeps its row (and its version)."""
        stmt = insert(OppRow).values(
            tenant=opp.tenant,
            opp_id=opp.opp_id,
            pupil_id=opp.pupil_id,
            started_on=opp.started_on,
            action_part_version=opp.action_part_version,
        )
        await self._session.execute(stmt.on_conflict_do_nothing())

    async def version_written(self, tenant: str, opp_id: UUID, version: int) -> None:
        """The OPP's latest version moves on, never back (a late fact changes nothing)."""
        current = col(OppRow.action_part_version)
        stmt = (
            update(OppRow)
            .where(col(OppRow.tenant) == tenant, col(OppRow.opp_id) == opp_id)
            .where(current.is_(None) | (current < version))
            .values(action_part_version=version)
        )
        await self._session.execute(stmt)

    async def opp(self, tenant: str, opp_id: UUID) -> OppRow | None:
        return await self._session.get(OppRow, (tenant, opp_id))

    async def latest(self, tenant: str, pupil_id: UUID) -> OppRow | None:
        stmt = (
            select(OppRow)
            .where(col(OppRow.tenant) == tenant, col(OppRow.pupil_id) == pupil_id)
            .order_by(
                col(OppRow.started_on).desc(), col(OppRow.action_part_version).desc().nulls_last()
            )
            .limit(1)
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()
