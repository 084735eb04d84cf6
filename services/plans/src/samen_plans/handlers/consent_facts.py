"""The consent service's facts about action parts, applied (the kit's consumer dedupes
redeliveries, keeps each pupil's facts in order and drops older ones).

1. `ConsentRequested` about `opp_action_part` links the request to the OPP version
   whose hash it names (a request naming other words is not linked).
2. `ConsentAnswered` keeps each party's answer, time and channel (the PDF's receipt).
3. `ConsentGiven` sets the version when it is still the latest offered and, on this
   service's own record, every required party agreed (`domain.setting.decide`).
4. A refusal, a lapse, a cancellation or a withdrawal: the version is not set (or no
   longer in force).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from uuid import NAMESPACE_URL, UUID, uuid5

import structlog
from samen_contract.events import consent as cev
from samen_contract.events import plans as ev
from samen_kit.consumer import Delivery
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession

from samen_plans.adapters.consent import SqlConsentLinks
from samen_plans.adapters.mapping import apply_opp, opp_of
from samen_plans.adapters.opps import SqlOpps
from samen_plans.adapters.tables import ConsentAnswerRow, ConsentLinkRow, OppRow
from samen_plans.domain.calendar import amsterdam_day
from samen_plans.domain.opp import not_set, set_by_consent
from samen_plans.domain.setting import (
    Answer,
    ConsentRule,
    Decision,
    Party,
    PartyKind,
    decide,
)
from samen_plans.handlers.emitting import emit_for, opp_ids

log = structlog.get_logger(__name__)

SUBJECT_KIND = "opp_action_part"
ACTOR = "system:plans-consent"
GIVEN, NOT_SET, STALE = "given", "not_set", "stale"
ENDINGS = (
    cev.ConsentRefused,
    cev.ConsentExpired,
    cev.ConsentRequestCancelled,
    cev.ConsentWithdrawn,
)


def fact_event_id(kind: str, tenant: str, request_id: UUID) -> UUID:
    """One `ActionPartSet`/`ActionPartNotSet` per request, whatever the redeliveries."""
    return uuid5(NAMESPACE_URL, f"samen:plans:{kind}:{tenant}:{request_id}")


def consent_handler(writer: EventWriter) -> Callable[[AsyncSession, Delivery], Awaitable[None]]:
    async def handle(session: AsyncSession, delivery: Delivery) -> None:
        fact, tenant, at = delivery.event, delivery.envelope.tenant, delivery.envelope.time
        if isinstance(fact, cev.ConsentRequested):
            await _link(session, tenant, fact, at)
        elif isinstance(fact, cev.ConsentAnswered):
            await _answer(session, tenant, fact, delivery.envelope.id, at)
        elif isinstance(fact, cev.ConsentGiven):
            await _on_locked(_given, session, writer, tenant, fact.request_id, at)
        elif isinstance(fact, ENDINGS):
            await _on_locked(_ended, session, writer, tenant, fact.request_id, at)

    return handle


async def _link(
    session: AsyncSession, tenant: str, fact: cev.ConsentRequested, at: datetime
) -> None:
    subject = fact.subject
    if subject is None or subject.kind != SUBJECT_KIND:
        return
    links = SqlConsentLinks(session)
    if await links.link(tenant, fact.request_id) is not None:
        return
    opps = SqlOpps(session)
    opp = await opps.in_tenant(tenant, subject.subject_id)
    version = await opps.version(tenant, subject.subject_id, subject.version)
    if opp is None or version is None or opp.pupil_id != fact.pupil_id:
        log.warning("plans.consent.unknown_subject", request_id=str(fact.request_id))
        return
    if version.action_part_sha256 != subject.sha256:
        log.warning("plans.consent.hash_mismatch", request_id=str(fact.request_id))
        return
    links.add(
        ConsentLinkRow(
            tenant=tenant,
            request_id=fact.request_id,
            opp_id=opp.opp_id,
            version=subject.version,
            sha256=subject.sha256,
            parties=[{"party_id": str(p.party_id), "role": p.role.value} for p in fact.parties],
            rule=(fact.rule or cev.ConsentRuleKind.ALL_WITH_AUTHORITY).value,
            requested_at=at,
        )
    )


async def _answer(
    session: AsyncSession, tenant: str, fact: cev.ConsentAnswered, event_id: str, at: datetime
) -> None:
    links = SqlConsentLinks(session)
    if await links.link(tenant, fact.request_id) is None:
        return
    links.add(
        ConsentAnswerRow(
            tenant=tenant,
            event_id=UUID(event_id),
            request_id=fact.request_id,
            party_id=fact.party_id,
            party_role=fact.party_role.value,
            answer=fact.answer.value,
            channel=fact.channel.value,
            answered_at=at,
        )
    )


async def _decision(session: AsyncSession, link: ConsentLinkRow, *, given: bool) -> Decision:
    parties = [Party(UUID(p["party_id"]), PartyKind(p["role"])) for p in link.parties]
    rows = await SqlConsentLinks(session).answers(link.tenant, link.request_id)
    answers = [Answer(r.party_id, r.answer == cev.ConsentAnswer.AGREE.value) for r in rows]
    return decide(parties, answers, ConsentRule(link.rule), given=given)


async def _locked(
    session: AsyncSession, tenant: str, request_id: UUID
) -> tuple[ConsentLinkRow, OppRow] | None:
    link = await SqlConsentLinks(session).link(tenant, request_id, lock=True)
    if link is None:
        return None
    opp = await SqlOpps(session).in_tenant(tenant, link.opp_id, lock=True)
    return None if opp is None else (link, opp)


Outcome = Callable[[AsyncSession, EventWriter, ConsentLinkRow, OppRow, datetime], Awaitable[None]]


async def _on_locked(
    outcome: Outcome,
    session: AsyncSession,
    writer: EventWriter,
    tenant: str,
    request_id: UUID,
    at: datetime,
) -> None:
    """`outcome` on the request's link and its OPP, both locked; nothing for a request
    that is not about an OPP version here."""
    found = await _locked(session, tenant, request_id)
    if found is not None:
        await outcome(session, writer, *found, at)


async def _given(
    session: AsyncSession, writer: EventWriter, link: ConsentLinkRow, row: OppRow, at: datetime
) -> None:
    link.given = True
    if link.outcome is not None:
        return
    if await _decision(session, link, given=True) is not Decision.SET:
        # The consent service's word without every answer on record: never set on it.
        log.warning("plans.consent.given_without_answers", request_id=str(link.request_id))
        return
    set_on = amsterdam_day(at)
    opp = set_by_consent(opp_of(row), link.version, set_on)
    link.outcome_at = at
    if opp is None:
        link.outcome = STALE  # a newer version was written since: nothing to set
        return
    link.outcome = GIVEN
    apply_opp(row, opp)
    assert opp.evaluation_due_on is not None
    event = ev.ActionPartSet(
        **opp_ids(row),
        version=link.version,
        action_part_sha256=link.sha256,
        consent_request_id=link.request_id,
        set_on=set_on,
        evaluation_due_on=opp.evaluation_due_on,
    )
    event_id = fact_event_id("set", link.tenant, link.request_id)
    await emit_for(session, writer, row, event, actor=ACTOR, at=at, event_id=event_id)


async def _ended(
    session: AsyncSession, writer: EventWriter, link: ConsentLinkRow, row: OppRow, at: datetime
) -> None:
    if link.outcome == NOT_SET:
        return
    link.outcome, link.outcome_at = NOT_SET, at
    apply_opp(row, not_set(opp_of(row), link.version))
    event = ev.ActionPartNotSet(
        **opp_ids(row),
        version=link.version,
        consent_request_id=link.request_id,
    )
    event_id = fact_event_id("not_set", link.tenant, link.request_id)
    await emit_for(session, writer, row, event, actor=ACTOR, at=at, event_id=event_id)
