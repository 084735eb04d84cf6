"""Keeping the projections of other services' facts (handed over by the kit's consumer,
which dedupes redeliveries and drops facts older than one already applied)."""

from samen_contract.events.consent import (
    GuardianshipEnded,
    GuardianshipRecorded,
    PupilEnrolled,
    PupilLeft,
)
from samen_contract.events.meetings import OppRegistered
from samen_kit.consumer import Delivery
from sqlalchemy.ext.asyncio import AsyncSession

from samen_disputes.adapters.roster import Enrolment, SqlRoster
from samen_disputes.adapters.tables import OppRow


async def apply_roster_fact(session: AsyncSession, delivery: Delivery) -> None:
    roster, tenant = SqlRoster(session), delivery.envelope.tenant
    match delivery.event:
        case PupilEnrolled() as fact:
            board = delivery.envelope.board
            await roster.enrol(
                Enrolment(tenant, fact.pupil_id, fact.school_id, board, fact.enrolled_on)
            )
        case PupilLeft() as fact:
            await roster.mark_left(tenant, fact.pupil_id, fact.school_id, fact.left_on)
        case GuardianshipRecorded() as fact:
            standing = str(fact.standing)
            await roster.record_guardian(tenant, fact.pupil_id, fact.guardian_id, standing)
        case GuardianshipEnded() as fact:
            await roster.end_guardian(tenant, fact.pupil_id, fact.guardian_id)
        case _:
            return  # other consent facts (and unknown types) do not concern disputes


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
    await SqlRoster(session).record_opp(opp)
