"""Every service's events into the read model: the roster, the facts, the worklist.

Runs in the consumer's unit of work with its inbox row, so a redelivered event changes
nothing; open pupil pages are told when the transaction commits.
"""

from __future__ import annotations

from samen_contract.events.consent import PupilEnrolled, PupilGroupChanged, PupilLeft
from samen_kit.consumer import Delivery
from samen_kit.roster import apply_roster_fact
from sqlalchemy.ext.asyncio import AsyncSession

from samen_portal.adapters.readmodel import ReadModel
from samen_portal.domain.facts import pupil_fact
from samen_portal.domain.worklist import changes


async def project(session: AsyncSession, delivery: Delivery) -> None:
    envelope, event = delivery.envelope, delivery.event
    model = ReadModel(session)
    tenant = str(envelope.tenant)
    # Guardians and their standing, for the parents' overview (Mijn kind).
    await apply_roster_fact(session, envelope, event)
    if isinstance(event, PupilEnrolled):
        board = None if envelope.board is None else str(envelope.board)
        group = getattr(event, "group", None)
        await model.enrol(
            tenant, event.pupil_id, event.school_id, board, group, event.enrolled_on, envelope.time
        )
    elif isinstance(event, PupilGroupChanged):
        await model.regroup(tenant, event.pupil_id, event.school_id, event.group, envelope.time)
    elif isinstance(event, PupilLeft):
        await model.leave(tenant, event.pupil_id, event.school_id, event.left_on, envelope.time)
    found = pupil_fact(envelope, event)
    if found is None or not await model.add_fact(found):
        return
    for change in changes(found):
        await model.apply(found, change)
    await model.announce(found.tenant, found.pupil_id)
