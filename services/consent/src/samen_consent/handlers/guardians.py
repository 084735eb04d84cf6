"""What a guardian does through their link: answer, withdraw, say what support they need.

The link's token names the guardian, the pupil and one item: `consent_request:<id>` for
that request, or `pupil:<id>` for every request about that pupil; the session it started
also opens every request about a child the guardian has parental authority over
(ADR 0017). The guardian's standing is checked in this service's own roster at the moment
of acting: only a guardian with parental authority today may answer or withdraw.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

from samen_contract.events.consent import (
    ConsentAction,
    GuardianSupportNeedsStated,
    SupportNeed,
)
from samen_kit.access import GuardianClaims, GuardianItem
from samen_kit.access.reach import reaches
from samen_kit.db import unit_of_work
from samen_kit.outbox import emit
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.documents import SqlShownDocuments
from samen_consent.adapters.request_codec import Placement
from samen_consent.adapters.requests import SqlRequests, StoredRequest
from samen_consent.adapters.roster import SqlRoster
from samen_consent.adapters.support import SqlSupportNeeds
from samen_consent.adapters.tables import SupportNeedsRow
from samen_consent.domain.errors import DocumentNotShown, NoAuthority
from samen_consent.domain.evidence import Act, Channel
from samen_consent.domain.parties import Standing
from samen_consent.domain.request import evidence_for
from samen_consent.domain.support_needs import SupportNeedKind, SupportNeeds, state_support_needs
from samen_consent.domain.transitions import answer, withdraw
from samen_consent.handlers.context import Context
from samen_consent.handlers.errors import NotVisible, ResourceKind
from samen_consent.handlers.publishing import about_pupil, publish
from samen_consent.handlers.refused import Attempt, refusals_recorded

REQUEST_ITEM = "consent_request"

PUPIL_ITEM = "pupil"


@dataclass(frozen=True)
class GuardianAct:
    """`document_language`: the language the request's document was shown in, when the
    request is about one (the page sends it with the answer)."""

    act: Act
    language: str = "nl"
    document_language: str | None = None
    reason: str | None = None  # why they say no, if they want to tell


async def covers(
    session: AsyncSession, claims: GuardianClaims, request_id: UUID, pupil_id: UUID
) -> bool:
    """The link opens this request (named itself, or every request of its pupil); the
    session also every request about a child of whom the guardian has authority."""
    named = (GuardianItem.of(REQUEST_ITEM, request_id), GuardianItem.of(PUPIL_ITEM, pupil_id))
    return await reaches(claims, pupil_id, named, SqlRoster(session).has_authority)


def _attempt(claims: GuardianClaims, request_id: UUID, act: Act) -> Attempt:
    action = ConsentAction.WITHDRAW if act is Act.WITHDRAW else ConsentAction.ANSWER
    return Attempt(claims.tenant, claims.actor, action, request_id, claims.pupil_id)


async def _may_act(
    session: AsyncSession, claims: GuardianClaims, request_id: UUID, attempt: Attempt
) -> StoredRequest:
    stored = await request_for_guardian(session, claims, request_id, lock=True)
    attempt.purpose = stored.request.purpose.code
    attempt.school_id, attempt.board_id = stored.placement.school_id, stored.placement.board_id
    await check_standing(session, claims, stored.request.pupil_id, to_act=True)
    return stored


async def check_may_act(ctx: Context, claims: GuardianClaims, request_id: UUID, act: Act) -> None:
    """Refuse (and record) a guardian who may not act on this request before they are
    asked for a step-up code: a code proves who they are, not that they may act."""
    attempt = _attempt(claims, request_id, act)
    async with refusals_recorded(ctx, attempt), unit_of_work(ctx.sessions) as session:
        await _may_act(session, claims, request_id, attempt)


async def guardian_acts(
    ctx: Context, claims: GuardianClaims, request_id: UUID, said: GuardianAct
) -> StoredRequest:
    attempt = _attempt(claims, request_id, said.act)
    async with refusals_recorded(ctx, attempt), unit_of_work(ctx.sessions) as session:
        stored = await _may_act(session, claims, request_id, attempt)
        await _check_document_shown(session, stored, said)
        evidence = evidence_for(
            stored.request,
            party_id=claims.guardian_id,
            act=said.act,
            at=ctx.now(),
            channel=Channel.GUARDIAN_PAGE,
            language=said.language,
            token_id=claims.jti,
            document_language=said.document_language,
            reason=said.reason if said.act is Act.REFUSE else None,
        )
        move = withdraw if said.act is Act.WITHDRAW else answer
        outcome = move(stored.request, evidence)
        updated = StoredRequest(outcome.request, stored.placement)
        await SqlRequests(session).save(updated, (evidence,))
        await publish(
            ctx, session, outcome.request, stored.placement, outcome.decisions, claims.actor
        )
        return updated


async def state_needs(
    ctx: Context,
    claims: GuardianClaims,
    request_id: UUID,
    kinds: frozenset[SupportNeedKind],
    note: str | None,
) -> None:
    """Any guardian of the pupil may say what they need, with or without authority.
    The note stays in this service; the event says only which kinds, and that a note
    exists."""
    attempt = Attempt(
        claims.tenant, claims.actor, ConsentAction.STATE_SUPPORT_NEEDS, request_id, claims.pupil_id
    )
    async with refusals_recorded(ctx, attempt), unit_of_work(ctx.sessions) as session:
        stored = await request_for_guardian(session, claims, request_id)
        place, pupil_id = stored.placement, stored.request.pupil_id
        await check_standing(session, claims, pupil_id, to_act=False)
        needs = state_support_needs(
            guardian_id=claims.guardian_id,
            pupil_id=pupil_id,
            kinds=kinds,
            note=note,
            at=ctx.now(),
            request_id=request_id,
        )
        SqlSupportNeeds(session).add(_needs_row(claims.tenant, place, needs))
        event = GuardianSupportNeedsStated(
            pupil_id=needs.pupil_id,
            guardian_id=needs.guardian_id,
            request_id=request_id,
            needs=tuple(SupportNeed(k.value) for k in sorted(needs.kinds)),
            has_note=needs.note is not None,
        )
        await emit(session, event, **about_pupil(place, needs.pupil_id, claims.actor, ctx.now()))


def _needs_row(tenant: str, place: Placement, needs: SupportNeeds) -> SupportNeedsRow:
    return SupportNeedsRow(
        support_id=uuid4(),
        tenant=tenant,
        school_id=place.school_id,
        board_id=place.board_id,
        pupil_id=needs.pupil_id,
        guardian_id=needs.guardian_id,
        request_id=needs.request_id,
        kinds=sorted(k.value for k in needs.kinds),
        note=needs.note,
        at=needs.at,
    )


async def request_for_guardian(
    session: AsyncSession, claims: GuardianClaims, request_id: UUID, *, lock: bool = False
) -> StoredRequest:
    """The request, when the guardian's link opens it; else `NotVisible` (404)."""
    stored = await SqlRequests(session).get(claims.tenant, request_id, lock=lock)
    if stored is None or not await covers(session, claims, request_id, stored.request.pupil_id):
        raise NotVisible(ResourceKind.CONSENT_REQUEST, request_id, claims.tenant)
    return stored


async def check_standing(
    session: AsyncSession, claims: GuardianClaims, pupil_id: UUID, *, to_act: bool
) -> Standing:
    """The guardian's standing towards the pupil today, for reading and acting alike: no
    standing at all is refused (`NoAuthority`, 403) whatever the request; answering and
    withdrawing (`to_act`) need parental authority."""
    current = await SqlRoster(session).current_guardianships(claims.tenant, pupil_id)
    standing = {g.guardian_id: g.standing for g in current}.get(claims.guardian_id)
    if standing is None or (to_act and standing is not Standing.PARENTAL_AUTHORITY):
        raise NoAuthority(claims.guardian_id)
    return standing


async def _check_document_shown(
    session: AsyncSession, stored: StoredRequest, said: GuardianAct
) -> None:
    """An answer about a document needs its words kept as shown, in the language named."""
    subject = stored.request.subject
    if subject is None or said.act is Act.WITHDRAW:
        return
    language = said.document_language
    shown = None
    if language is not None:
        shown = await SqlShownDocuments(session).get(
            stored.placement.tenant, stored.request.request_id, language
        )
    if shown is None or shown.sha256 != subject.sha256:
        raise DocumentNotShown(f"{subject.kind} version {subject.version}")
