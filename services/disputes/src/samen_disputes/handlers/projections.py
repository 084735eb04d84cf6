"""Keeping the projection of the plans service's OPPs (handed over by the kit's consumer,
which dedupes redeliveries and drops facts older than one already applied): a dispute
about the OPP names the pupil's latest one and its version.
The roster is the kit's own projection (`samen_kit.roster.roster_handler`)."""

from samen_contract.events.plans import OppVersionWritten, SupportStarted
from samen_kit.consumer import Delivery
from sqlalchemy.ext.asyncio import AsyncSession

from samen_disputes.adapters.opps import SqlOpps
from samen_disputes.adapters.tables import OppRow


async def apply_opp_fact(session: AsyncSession, delivery: Delivery) -> None:
    fact, tenant = delivery.event, delivery.envelope.tenant
    if isinstance(fact, SupportStarted):
        opp = OppRow(
            opp_id=fact.opp_id, tenant=tenant, pupil_id=fact.pupil_id, started_on=fact.started_on
        )
        await SqlOpps(session).record(opp)
    elif isinstance(fact, OppVersionWritten):
        await SqlOpps(session).version_written(tenant, fact.opp_id, fact.version)
