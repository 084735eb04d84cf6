"""The consent service's facts: its roster (the kit's projection) and, per pupil and
purpose, whether consent is given, refused, withdrawn or expired."""

from samen_contract.events.consent import (
    ConsentExpired,
    ConsentGiven,
    ConsentRefused,
    ConsentWithdrawn,
)
from samen_kit.consumer import Delivery
from samen_kit.roster import roster_handler
from sqlalchemy.ext.asyncio import AsyncSession

from samen_admissions.adapters.consent import SqlConsentFacts
from samen_admissions.domain.consent import ConsentFact, ConsentStatus

_STATUS: dict[type, ConsentStatus] = {
    ConsentGiven: ConsentStatus.GIVEN,
    ConsentRefused: ConsentStatus.REFUSED,
    ConsentWithdrawn: ConsentStatus.WITHDRAWN,
    ConsentExpired: ConsentStatus.EXPIRED,
}


async def apply_consent_fact(session: AsyncSession, delivery: Delivery) -> None:
    await roster_handler(session, delivery)
    event = delivery.event
    status = _STATUS.get(type(event))
    if status is None or not isinstance(
        event, ConsentGiven | ConsentRefused | ConsentWithdrawn | ConsentExpired
    ):
        return
    valid_until = event.valid_until if isinstance(event, ConsentGiven) else None
    fact = ConsentFact(event.purpose, status, delivery.envelope.time, valid_until)
    await SqlConsentFacts(session).record(delivery.envelope.tenant, event.pupil_id, fact)
