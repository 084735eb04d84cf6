"""Legal holds from facts: an open dispute (the disputes service's facts) and a hold the
inspectie or the samenwerkingsverband placed (audit's `LegalHoldPlaced`/`Lifted`).

A consumer handler for every service that erases (`runtime.add_consumer("holds",
hold_handler, sources=HOLD_SOURCES)`); the kit's consumer has already dropped
duplicates, so placing and lifting run once per fact, and both are idempotent anyway.
"""

from __future__ import annotations

from samen_contract.events.disputes import DisputeClosing, DisputeOpened
from samen_contract.events.retention import LegalHoldLifted, LegalHoldPlaced
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.consumer import Delivery
from samen_kit.retention.store import lift_hold, place_hold

HOLD_SOURCES = ("disputes", "audit")
HOLD_DESCRIPTION = "Legal holds: an open dispute or the inspectie's hold stops erasure"


async def hold_handler(session: AsyncSession, delivery: Delivery) -> None:
    event, tenant = delivery.event, delivery.envelope.tenant
    day = delivery.envelope.time.date()
    match event:
        case DisputeOpened():
            await place_hold(session, tenant, event.pupil_id, f"dispute:{event.dispute_id}", day)
        case DisputeClosing():
            await lift_hold(session, tenant, event.pupil_id, f"dispute:{event.dispute_id}", day)
        case LegalHoldPlaced():
            hold = f"inspectie:{event.hold_id}"
            await place_hold(session, tenant, event.pupil_id, hold, event.placed_on)
        case LegalHoldLifted():
            hold = f"inspectie:{event.hold_id}"
            await lift_hold(session, tenant, event.pupil_id, hold, event.lifted_on)
