"""Staff ask consent, cancel a request, and record a pupil's own answer as witness."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID, uuid4

from samen_contract.events.consent import ConsentAction
from samen_kit.access import StaffPrincipal
from samen_kit.db import unit_of_work
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.purposes import SqlPurposes
from samen_consent.adapters.request_codec import Placement
from samen_consent.adapters.requests import SqlRequests, StoredRequest
from samen_consent.adapters.roster import SqlRoster
from samen_consent.domain.dutch_time import local_date
from samen_consent.domain.errors import NotAParty
from samen_consent.domain.evidence import Act, Channel, Evidence
from samen_consent.domain.parties import Pupil
from samen_consent.domain.request import Outcome, evidence_for, open_request
from samen_consent.domain.transitions import answer, cancel, withdraw
from samen_consent.handlers.actors import Acting, staff_id
from samen_consent.handlers.context import Context
from samen_consent.handlers.errors import NotVisible, PupilHasLeft, ResourceKind
from samen_consent.handlers.publishing import publish
from samen_consent.handlers.refused import Attempt, refusals_recorded


@dataclass(frozen=True)
class PupilAnswer:
    """What the pupil said in the conversation, and in which language they read the text."""

    act: Act
    language: str = "nl"


async def request_consent(
    ctx: Context, staff: StaffPrincipal, pupil_id: UUID, purpose_code: str
) -> StoredRequest:
    acting = Acting.staff(staff)
    attempt = Attempt(
        acting.tenant, acting.actor, ConsentAction.REQUEST, pupil_id=pupil_id, purpose=purpose_code
    )
    async with refusals_recorded(ctx, attempt), unit_of_work(ctx.sessions) as session:
        pupil = await SqlRoster(session).visible_pupil(staff, pupil_id, lock=True)
        if pupil is None:
            raise NotVisible(ResourceKind.PUPIL, pupil_id, staff.tenant)
        attempt.school_id, attempt.board_id = pupil.school_id, pupil.board_id
        now = ctx.now()
        if pupil.left_on is not None and pupil.left_on <= local_date(now):
            raise PupilHasLeft(pupil_id)
        purpose = (await SqlPurposes(session).catalogue(staff.tenant, now)).get(purpose_code)
        requests = SqlRequests(session)
        outcome = open_request(
            request_id=uuid4(),
            pupil=Pupil(pupil.pupil_id, pupil.birth_date),
            purpose=purpose,
            guardianships=await SqlRoster(session).current_guardianships(staff.tenant, pupil_id),
            requested_by=staff_id(staff),
            now=now,
            existing=[s.request for s in await requests.of_pupil(staff.tenant, pupil_id)],
        )
        placement = Placement(staff.tenant, pupil.school_id, pupil.board_id)
        requests.add(outcome.request, placement)
        await publish(ctx, session, outcome.request, placement, outcome.decisions, acting.actor)
        return StoredRequest(outcome.request, placement)


async def cancel_request(ctx: Context, staff: StaffPrincipal, request_id: UUID) -> StoredRequest:
    acting = Acting.staff(staff)
    attempt = Attempt(acting.tenant, acting.actor, ConsentAction.CANCEL, request_id=request_id)
    async with refusals_recorded(ctx, attempt), unit_of_work(ctx.sessions) as session:
        stored = await _visible(session, staff, request_id, attempt)
        outcome = cancel(stored.request, by=staff_id(staff), at=ctx.now())
        return await _store(ctx, session, stored, outcome, acting.actor)


async def record_pupil_answer(
    ctx: Context, staff: StaffPrincipal, request_id: UUID, said: PupilAnswer
) -> StoredRequest:
    """The IB records what the pupil said in a conversation, as witness."""
    acting = Acting.staff(staff)
    action = ConsentAction.WITHDRAW if said.act is Act.WITHDRAW else ConsentAction.ANSWER
    attempt = Attempt(acting.tenant, acting.actor, action, request_id=request_id)
    async with refusals_recorded(ctx, attempt), unit_of_work(ctx.sessions) as session:
        stored = await _visible(session, staff, request_id, attempt)
        pupil = stored.request.parties.pupil
        if pupil is None:
            raise NotAParty(stored.request.pupil_id)
        evidence = evidence_for(
            stored.request,
            party_id=pupil,
            act=said.act,
            at=ctx.now(),
            channel=Channel.RECORDED_BY_STAFF,
            language=said.language,
            witness_id=staff_id(staff),
            document_language=said.language,  # the IB showed the words in the conversation
        )
        move = withdraw if said.act is Act.WITHDRAW else answer
        outcome = move(stored.request, evidence)
        return await _store(ctx, session, stored, outcome, f"pupil:{pupil}", (evidence,))


async def _visible(
    session: AsyncSession, staff: StaffPrincipal, request_id: UUID, attempt: Attempt
) -> StoredRequest:
    stored = await SqlRequests(session).visible(staff, request_id, lock=True)
    if stored is None:
        raise NotVisible(ResourceKind.CONSENT_REQUEST, request_id, staff.tenant)
    attempt.pupil_id = stored.request.pupil_id
    attempt.purpose = stored.request.purpose.code
    attempt.school_id, attempt.board_id = stored.placement.school_id, stored.placement.board_id
    return stored


async def _store(
    ctx: Context,
    session: AsyncSession,
    stored: StoredRequest,
    outcome: Outcome,
    actor: str,
    evidence: Sequence[Evidence] = (),
) -> StoredRequest:
    updated = StoredRequest(outcome.request, stored.placement)
    await SqlRequests(session).save(updated, evidence)
    await publish(ctx, session, outcome.request, stored.placement, outcome.decisions, actor)
    return updated
