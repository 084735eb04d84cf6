"""Decisions of the domain become the contract's events, field by field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from samen_consent.adapters.request_codec import Placement
from samen_consent.domain.decisions import (
    Cancelled,
    Expired,
    Requested,
    Withdrawn,
    decision_id,
    requested_id,
)
from samen_consent.domain.evidence import Act
from samen_consent.domain.parties import Guardianship, Pupil, Standing
from samen_consent.domain.purposes import default_catalogue
from samen_consent.domain.request import Outcome, open_request
from samen_consent.handlers.publishing import correlation_of, event_of
from samen_contract.events import consent as contract

from services.consent.tests.consent_factories import on_the_page

pytestmark = pytest.mark.unit

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
PLACE = Placement("swv-test", uuid4(), None)


def _opened(birth: date = date(2017, 3, 4), code: str = "engage_swv") -> Outcome:
    guardians = [Guardianship(uuid4(), Standing.PARENTAL_AUTHORITY) for _ in range(2)]
    return open_request(
        request_id=uuid4(),
        pupil=Pupil(uuid4(), birth),
        purpose=default_catalogue().get(code),
        guardianships=guardians,
        requested_by=uuid4(),
        now=NOW,
        existing=[],
    )


def test_a_request_names_its_parties_its_rule_and_the_last_day_to_answer() -> None:
    outcome = _opened(date(2012, 9, 1), "assessment")
    request, [requested] = outcome.request, outcome.decisions
    assert isinstance(requested, Requested)
    event = event_of(requested, request, PLACE, contract.CancelReason.STAFF)
    assert isinstance(event, contract.ConsentRequested)
    assert {p.role.value for p in event.parties} == {"guardian", "pupil"}
    assert event.answer_by == date(2026, 7, 5)  # six months later, through that day
    assert event.rule == contract.ConsentRuleKind.ALL_WITH_AUTHORITY
    assert event.school_id == PLACE.school_id


def test_every_event_of_a_request_correlates_with_its_request_event() -> None:
    outcome = _opened()
    request_id = outcome.request.request_id
    [requested] = outcome.decisions
    assert (
        correlation_of(request_id) == str(decision_id(requested)) == str(requested_id(request_id))
    )


def test_withdrawal_expiry_and_cancelling_carry_what_readers_need() -> None:
    request = _opened().request
    guardian = sorted(request.parties.guardians)[0]
    evidence = on_the_page(request, guardian, Act.WITHDRAW, NOW, token_id="jti")
    about = (request.request_id, request.pupil_id, "engage_swv")
    withdrawn = event_of(
        Withdrawn(*about, NOW, evidence=evidence, was_given=True),
        request,
        PLACE,
        contract.CancelReason.STAFF,
    )
    expired = event_of(
        Expired(*about, NOW, was_given=False), request, PLACE, contract.CancelReason.STAFF
    )
    cancelled = event_of(
        Cancelled(*about, NOW, cancelled_by=uuid4()),
        request,
        PLACE,
        contract.CancelReason.ROSTER_CHANGED,
    )
    assert withdrawn == contract.ConsentWithdrawn(
        request_id=request.request_id,
        pupil_id=request.pupil_id,
        purpose="engage_swv",
        party_id=guardian,
        was_given=True,
    )
    assert isinstance(expired, contract.ConsentExpired) and expired.was_given is False
    assert isinstance(cancelled, contract.ConsentRequestCancelled)
    assert cancelled.reason is contract.CancelReason.ROSTER_CHANGED
