"""A document offered for consent opens its request (`samen.plans.ActionPartOffered`).

The plans service puts one version of an OPP's action part to the parents; this service
asks the parties the age rules name, binding the request to that version's hash. A newer
version replaces a question still open about an older one (cancelled, so nobody answers
words that no longer stand); a consent already given to an older version stays until
the plans service sets the newer one.
"""

from __future__ import annotations

from uuid import UUID, uuid5

from samen_contract.envelope import Envelope
from samen_contract.events.plans import ActionPartOffered
from samen_kit.consumer import Delivery, Handler
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.purposes import SqlPurposes
from samen_consent.adapters.request_codec import Placement
from samen_consent.adapters.requests import SqlRequests, StoredRequest
from samen_consent.adapters.roster import SqlRoster
from samen_consent.domain.dutch_time import local_date
from samen_consent.domain.parties import Pupil
from samen_consent.domain.request import open_request, superseded_by
from samen_consent.domain.subject import OPP_ACTION_PART, Subject
from samen_consent.domain.transitions import cancel
from samen_consent.handlers.actors import person_id
from samen_consent.handlers.context import Context
from samen_consent.handlers.errors import NotVisible, PupilHasLeft, ResourceKind
from samen_consent.handlers.publishing import publish


def document_handler(ctx: Context) -> Handler:
    async def handle(session: AsyncSession, delivery: Delivery) -> None:
        if isinstance(delivery.event, ActionPartOffered):
            await ask_about_action_part(ctx, session, delivery.envelope, delivery.event)

    return handle


def request_id_for(offer_event_id: str) -> UUID:
    """One request per offer: a replayed offer names the same request."""
    return uuid5(UUID(offer_event_id), "consent_request")


async def ask_about_action_part(
    ctx: Context, session: AsyncSession, envelope: Envelope, offer: ActionPartOffered
) -> StoredRequest:
    tenant, now = envelope.tenant, ctx.now()
    roster = SqlRoster(session)
    pupil = await roster.pupil(tenant, offer.pupil_id, lock=True)
    if pupil is None:
        raise NotVisible(ResourceKind.PUPIL, offer.pupil_id, tenant)
    if pupil.left_on is not None and pupil.left_on <= local_date(now):
        raise PupilHasLeft(offer.pupil_id)
    subject = Subject(OPP_ACTION_PART, offer.opp_id, offer.version, offer.action_part_sha256)
    requested_by = person_id(envelope.actor, tenant)
    requests = SqlRequests(session)
    placement = Placement(tenant, pupil.school_id, pupil.board_id)
    existing = await requests.of_pupil(tenant, offer.pupil_id)
    replaced = superseded_by(subject, [s.request for s in existing], now)
    for stale in (s for s in existing if s.request in replaced):
        outcome = cancel(stale.request, by=requested_by, at=now)
        await requests.save(StoredRequest(outcome.request, stale.placement))
        await publish(
            ctx, session, outcome.request, stale.placement, outcome.decisions, envelope.actor
        )
    purpose = (await SqlPurposes(session).catalogue(tenant, now)).get(OPP_ACTION_PART)
    outcome = open_request(
        request_id=request_id_for(envelope.id),
        pupil=Pupil(pupil.pupil_id, pupil.birth_date),
        purpose=purpose,
        guardianships=await roster.current_guardianships(tenant, offer.pupil_id),
        requested_by=requested_by,
        now=now,
        existing=[s.request for s in await requests.of_pupil(tenant, offer.pupil_id)],
        subject=subject,
    )
    requests.add(outcome.request, placement)
    await publish(ctx, session, outcome.request, placement, outcome.decisions, envelope.actor)
    return StoredRequest(outcome.request, placement)
