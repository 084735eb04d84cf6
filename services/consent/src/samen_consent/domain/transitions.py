"""The request's state machine: answer, withdraw, cancel, expire.

open ──agree (rule met)──▶ given ──withdraw──▶ withdrawn
  │  ──refuse─────────────▶ refused            given ──validity ends──▶ expired
  │  ──withdraw an agreement▶ withdrawn
  │  ──cancel (staff)──────▶ cancelled
  └──validity ends────────▶ expired

Refused, withdrawn, expired and cancelled are final: only a new request can lead to
consent. Every function is pure: it returns a new request and the decisions it made, or
raises a `ConsentError` and changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID

from samen_consent.domain.decisions import (
    Answered,
    Cancelled,
    ConflictDetected,
    Decision,
    Expired,
    Given,
    Refused,
    Withdrawn,
)
from samen_consent.domain.dutch_time import as_utc
from samen_consent.domain.errors import (
    AlreadyAnswered,
    AlreadyWithdrawn,
    AnswerAfterWithdrawal,
    InvalidEvidence,
    NothingToWithdraw,
    OutOfOrder,
    RequestClosed,
    RequestExpired,
)
from samen_consent.domain.evidence import Act, Evidence
from samen_consent.domain.request import (
    ConsentRequest,
    Outcome,
    RequestState,
    is_expired,
    party_role,
)
from samen_consent.domain.rules import rule_met


def answer(request: ConsentRequest, evidence: Evidence) -> Outcome:
    """A party agrees or refuses. A refusal ends the request; agreement may meet the rule."""
    if evidence.act is Act.WITHDRAW:
        raise ValueError("a withdrawal goes through withdraw()")
    _check_evidence(request, evidence)
    _check_moment(request, evidence.at)
    _check_may_answer(request, evidence.party_id)
    answered = replace(request, answers=(*request.answers, evidence))
    decisions: list[Decision] = [Answered(*_about(request, evidence.at), evidence=evidence)]
    if evidence.act is Act.REFUSE:
        refused = replace(answered, state=RequestState.REFUSED, ended_at=evidence.at)
        decisions.append(Refused(*_about(request, evidence.at), refused_by=evidence.party_id))
        decisions += _conflict(answered, evidence)
        return Outcome(refused, tuple(decisions))
    if rule_met(request.purpose.rule, request.parties, answered.agreed):
        given = replace(answered, state=RequestState.GIVEN, given_at=evidence.at)
        decisions.append(_given(given, evidence.at))
        return Outcome(given, tuple(decisions))
    return Outcome(answered, tuple(decisions))


def withdraw(request: ConsentRequest, evidence: Evidence) -> Outcome:
    """Any party takes consent back: after it was given, or their own agreement while open."""
    if evidence.act is not Act.WITHDRAW:
        raise ValueError("an answer goes through answer()")
    _check_evidence(request, evidence)
    _check_moment(request, evidence.at)
    _check_may_withdraw(request, evidence.party_id)
    withdrawn = replace(
        request, state=RequestState.WITHDRAWN, ended_at=evidence.at, withdrawal=evidence
    )
    was_given = request.state is RequestState.GIVEN
    decisions: list[Decision] = [
        Withdrawn(*_about(request, evidence.at), evidence=evidence, was_given=was_given)
    ]
    decisions += _conflict(request, evidence)
    return Outcome(withdrawn, tuple(decisions))


def cancel(request: ConsentRequest, *, by: UUID, at: datetime) -> Outcome:
    """Staff stop an open request (asked by mistake, pupil left, parties changed)."""
    at = as_utc(at)
    _check_moment(request, at)
    if request.state is not RequestState.OPEN:
        raise RequestClosed(request.request_id, request.state)
    cancelled = replace(request, state=RequestState.CANCELLED, ended_at=at)
    return Outcome(cancelled, (Cancelled(*_about(request, at), cancelled_by=by),))


def expire(request: ConsentRequest, now: datetime) -> Outcome:
    """Record the end of validity; a no-op before it. Idempotent for scheduler sweeps."""
    end = request.expires_at
    if end is None or not is_expired(request, now):
        return Outcome(request, ())
    expired = replace(request, state=RequestState.EXPIRED, ended_at=end)
    was_given = request.state is RequestState.GIVEN
    return Outcome(expired, (Expired(*_about(request, end), was_given=was_given),))


def _about(request: ConsentRequest, at: datetime) -> tuple[UUID, UUID, str, datetime]:
    return request.request_id, request.pupil_id, request.purpose.code, at


def _given(request: ConsentRequest, at: datetime) -> Given:
    return Given(
        *_about(request, at),
        agreed_by=tuple(sorted(request.agreed)),
        valid_until=request.expires_at,
    )


def _conflict(request: ConsentRequest, evidence: Evidence) -> tuple[ConflictDetected, ...]:
    """Someone says no while another party's agreement stands: staff talk with both."""
    others = request.agreed - {evidence.party_id}
    if not others:
        return ()
    return (
        ConflictDetected(
            *_about(request, evidence.at),
            agreed_by=tuple(sorted(others)),
            declined_by=evidence.party_id,
        ),
    )


def _check_evidence(request: ConsentRequest, evidence: Evidence) -> None:
    """The party first (a stranger learns nothing about the request), then the words."""
    if evidence.request_id != request.request_id:
        raise InvalidEvidence("the evidence belongs to another request")
    if party_role(request, evidence.party_id) is not evidence.role:
        raise InvalidEvidence("the evidence names the party in another role")
    purpose = request.purpose
    pinned = (purpose.code, purpose.version, purpose.dutch.sha256)
    if (evidence.purpose_code, evidence.text_version, evidence.dutch_sha256) != pinned:
        raise InvalidEvidence("the evidence points at another version of the purpose")
    shown = purpose.text_in(evidence.shown.language)
    if shown is None or shown.sha256 != evidence.shown.sha256:
        raise InvalidEvidence("the text shown is not a text of this purpose version")


def _check_moment(request: ConsentRequest, at: datetime) -> None:
    if at < request.last_change:
        raise OutOfOrder(f"{at.isoformat()} is before the request's last change")
    if is_expired(request, at):
        raise RequestExpired(request.request_id, RequestState.EXPIRED)


def _check_may_answer(request: ConsentRequest, party_id: UUID) -> None:
    if request.state is RequestState.WITHDRAWN:
        raise AnswerAfterWithdrawal(request.request_id, request.state)
    if request.answer_of(party_id) is not None:
        raise AlreadyAnswered(party_id)
    if request.state is not RequestState.OPEN:
        raise RequestClosed(request.request_id, request.state)


def _check_may_withdraw(request: ConsentRequest, party_id: UUID) -> None:
    if request.state is RequestState.WITHDRAWN:
        raise AlreadyWithdrawn(request.request_id, request.state)
    if request.state is RequestState.OPEN and party_id not in request.agreed:
        raise NothingToWithdraw(party_id)
    if request.state not in (RequestState.OPEN, RequestState.GIVEN):
        raise RequestClosed(request.request_id, request.state)
