"""Keeping the projection of the meetings service's OPPs (handed over by the kit's
consumer, which dedupes redeliveries and drops facts older than one already applied).
The roster is the kit's own projection (`samen_kit.roster.roster_handler`)."""

from samen_contract.events.meetings import OppRegistered
from samen_kit.consumer import Delivery
from sqlalchemy.ext.asyncio import AsyncSession

from samen_disputes.adapters.opps import SqlOpps
from samen_disputes.adapters.tables import OppRow


async def apply_opp_fact(session: AsyncSession, delivery: Delivery) -> None:
    fact = delivery.event
    if not isinstance(fact, OppRegistered):
        return
    opp = OppRow(
        opp_id=fact.opp_id,
        tenant=delivery.envelope.tenant,
        pupil_id=fact.pupil_id,
        started_on=fact.started_on,
        action_part_version=fact.action_part_version,
    )
    await SqlOpps(session).record(opp)
