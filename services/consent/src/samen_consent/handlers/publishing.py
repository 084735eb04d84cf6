"""Decisions of the domain become contract events, written to the outbox.

Every decision's event id is `decision_id(d)`: a retried sweep, a second instance or a
replayed request writes the same id, and the outbox keeps the first. All events of a
request correlate with its `ConsentRequested`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol
from uuid import UUID

from samen_contract import Event
from samen_contract.events import consent as contract
from samen_kit.outbox import Facts, emit
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.request_codec import Placement
from samen_consent.domain import decisions as d
from samen_consent.domain.dutch_time import local_date
from samen_consent.domain.request import ConsentRequest
from samen_consent.domain.subject import Subject
from samen_consent.handlers.context import Context


def correlation_of(request_id: UUID) -> str:
    """The id of the request's `ConsentRequested` event."""
    return str(d.requested_id(request_id))


async def publish(
    ctx: Context,
    session: AsyncSession,
    request: ConsentRequest,
    placement: Placement,
    decisions: tuple[d.Decision, ...],
    actor: str,
    *,
    cancel_reason: contract.CancelReason = contract.CancelReason.STAFF,
) -> None:
    correlationid = correlation_of(request.request_id)
    for decision in decisions:
        event = event_of(decision, request, placement, cancel_reason)
        about = about_pupil(placement, request.pupil_id, actor, ctx.now())
        about["correlationid"], about["event_id"] = correlationid, d.decision_id(decision)
        await emit(session, event, **about)


class Placed(Protocol):
    """Where a pupil's event belongs: a request's placement, a roster import."""

    @property
    def tenant(self) -> str: ...
    @property
    def school_id(self) -> UUID: ...
    @property
    def board_id(self) -> UUID | None: ...


def about_pupil(place: Placed, pupil_id: UUID, actor: str, at: datetime) -> Facts:
    """The envelope facts of an event about one pupil, stamped with school and board."""
    return Facts(
        tenant=place.tenant,
        subject=str(pupil_id),
        actor=actor,
        board=None if place.board_id is None else str(place.board_id),
        school=str(place.school_id),
        time=at,
    )


def event_of(
    decision: d.Decision,
    request: ConsentRequest,
    placement: Placement,
    cancel_reason: contract.CancelReason,
) -> Event:
    about = {
        "request_id": decision.request_id,
        "pupil_id": decision.pupil_id,
        "purpose": decision.purpose_code,
    }
    version = {"purpose_version": request.purpose.version}
    match decision:
        case d.Requested():
            return _requested(decision, placement)
        case d.Answered(evidence=evidence):
            return contract.ConsentAnswered(
                **about,
                **version,
                party_id=evidence.party_id,
                party_role=contract.PartyRole(evidence.role.value),
                answer=contract.ConsentAnswer(evidence.act.value),
                channel=contract.AnswerChannel(evidence.channel.value),
                subject=_subject(request.subject),
            )
        case d.Given(valid_until=valid_until):
            return contract.ConsentGiven(**about, **version, valid_until=valid_until)
        case d.Refused(refused_by=party):
            return contract.ConsentRefused(**about, party_id=party)
        case d.ConflictDetected(agreed_by=agreed, declined_by=declined):
            return contract.ConsentConflictDetected(**about, agreed=agreed, disagreed=(declined,))
        case d.Withdrawn(evidence=evidence, was_given=was_given):
            return contract.ConsentWithdrawn(
                **about, party_id=evidence.party_id, was_given=was_given
            )
        case d.Expired(at=at, was_given=was_given):
            return contract.ConsentExpired(**about, expired_at=at, was_given=was_given)
        case d.Cancelled():
            return contract.ConsentRequestCancelled(**about, reason=cancel_reason)
        case d.ReminderDue(party_id=party, role=role, number=number):
            return contract.ConsentReminderDue(
                **about, party_id=party, number=number, party_role=contract.PartyRole(role.value)
            )


def _requested(decision: d.Requested, placement: Placement) -> contract.ConsentRequested:
    parties = [
        contract.ConsentParty(party_id=g, role=contract.PartyRole.GUARDIAN)
        for g in decision.guardians
    ]
    if decision.pupil_party is not None:
        pupil = contract.ConsentParty(party_id=decision.pupil_party, role=contract.PartyRole.PUPIL)
        parties.append(pupil)
    ends = decision.expires_at
    return contract.ConsentRequested(
        request_id=decision.request_id,
        pupil_id=decision.pupil_id,
        school_id=placement.school_id,
        purpose=decision.purpose_code,
        purpose_version=decision.text_version,
        parties=tuple(parties),
        answer_by=None if ends is None else local_date(ends - timedelta(microseconds=1)),
        rule=contract.ConsentRuleKind(decision.rule.value),
        subject=_subject(decision.subject),
    )


def _subject(subject: Subject | None) -> contract.ConsentSubject | None:
    if subject is None:
        return None
    return contract.ConsentSubject(
        kind=subject.kind,
        subject_id=subject.subject_id,
        version=subject.version,
        sha256=subject.sha256,
    )
