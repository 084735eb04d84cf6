"""The projection of the meetings service's OPPs, keyed by tenant. (Pupils and their
guardians are the kit's roster projection: `samen_kit.roster`.)"""

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_disputes.adapters.tables import OppRow


class SqlOpps:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, opp: OppRow) -> None:
        values = {
            "pupil_id": opp.pupil_id,
            "started_on": opp.started_on,
            "action_part_version": opp.action_part_version,
        }
        stmt = insert(OppRow).values(tenant=opp.tenant, opp_id=opp.opp_id, **values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[col(OppRow.tenant), col(OppRow.opp_id)], set_=values
        )
        await self._session.execute(stmt)

    async def opp(self, tenant: str, opp_id: UUID) -> OppRow | None:
        return await self._session.get(OppRow, (tenant, opp_id))

    async def latest(self, tenant: str, pupil_id: UUID) -> OppRow | None:
        stmt = (
            select(OppRow)
            .where(col(OppRow.tenant) == tenant, col(OppRow.pupil_id) == pupil_id)
            .order_by(col(OppRow.started_on).desc(), col(OppRow.action_part_version).desc())
            .limit(1)
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()
