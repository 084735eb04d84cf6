"""The "may we?" query for a pupil and purpose."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.evidence import Act
from samen_consent.domain.parties import Guardianship, Pupil, Standing
from samen_consent.domain.purposes import Purpose, default_purpose
from samen_consent.domain.request import ConsentRequest
from samen_consent.domain.rules import ConsentRule
from samen_consent.domain.status import StatusReason, status
from samen_consent.domain.transitions import answer, cancel, expire, withdraw

from services.consent.tests.consent_factories import asked, on_the_page

pytestmark = pytest.mark.unit

MONDAY = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)
END_OF_SCHOOL_YEAR = datetime(2026, 7, 31, 22, 0, tzinfo=UTC)
MUM, DAD = uuid4(), uuid4()
CHILD = Pupil(uuid4(), date(2016, 4, 12))
FAMILY = (
    Guardianship(MUM, Standing.PARENTAL_AUTHORITY),
    Guardianship(DAD, Standing.PARENTAL_AUTHORITY),
)
SWV = default_purpose(DefaultPurpose.ENGAGE_SWV)
CODE = SWV.code


def ask(
    at: datetime = MONDAY, purpose: Purpose = SWV, existing: tuple[ConsentRequest, ...] = ()
) -> ConsentRequest:
    return asked(purpose, FAMILY, at=at, pupil=CHILD, existing=existing)


def acts(request: ConsentRequest, party: UUID, act: Act) -> ConsentRequest:
    evidence = on_the_page(request, party, act, request.last_change + timedelta(hours=1))
    step = withdraw if act is Act.WITHDRAW else answer
    return step(request, evidence).request


def given(at: datetime = MONDAY) -> ConsentRequest:
    return acts(acts(ask(at), MUM, Act.AGREE), DAD, Act.AGREE)


def test_a_pupil_never_asked_about_may_not() -> None:
    result = status(CHILD.pupil_id, CODE, [], MONDAY)
    assert (result.allowed, result.reason) == (False, StatusReason.NEVER_ASKED)


def test_given_consent_says_yes_and_until_when() -> None:
    request = given()
    result = status(CHILD.pupil_id, CODE, [request], MONDAY + timedelta(days=7))
    assert (result.allowed, result.reason) == (True, StatusReason.GIVEN)
    assert result.until == END_OF_SCHOOL_YEAR
    assert result.request_id == request.request_id


def test_an_open_request_says_who_has_not_answered_and_how_many_answers_are_needed() -> None:
    request = acts(ask(), MUM, Act.AGREE)
    result = status(CHILD.pupil_id, CODE, [request], MONDAY + timedelta(days=1))
    assert (result.allowed, result.reason) == (False, StatusReason.WAITING)
    assert (result.waiting_for, result.answers_needed) == (frozenset({DAD}), 1)


def test_under_one_suffices_one_more_answer_is_needed_however_many_are_silent() -> None:
    lenient = replace(SWV, rule=ConsentRule.ONE_SUFFICES)
    result = status(CHILD.pupil_id, CODE, [ask(purpose=lenient)], MONDAY)
    assert (result.waiting_for, result.answers_needed) == (frozenset({MUM, DAD}), 1)


def test_a_refusal_says_no_and_why() -> None:
    request = acts(ask(), MUM, Act.REFUSE)
    result = status(CHILD.pupil_id, CODE, [request], MONDAY + timedelta(days=1))
    assert (result.allowed, result.reason) == (False, StatusReason.REFUSED)


def test_a_withdrawal_says_no_and_why() -> None:
    request = acts(given(), DAD, Act.WITHDRAW)
    result = status(CHILD.pupil_id, CODE, [request], MONDAY + timedelta(days=1))
    assert (result.allowed, result.reason) == (False, StatusReason.WITHDRAWN)


def test_expiry_wins_even_before_the_sweep_has_recorded_it() -> None:
    request = given()
    result = status(CHILD.pupil_id, CODE, [request], END_OF_SCHOOL_YEAR)
    assert (result.allowed, result.reason) == (False, StatusReason.EXPIRED)
    recorded = expire(request, END_OF_SCHOOL_YEAR).request
    assert (
        status(CHILD.pupil_id, CODE, [recorded], END_OF_SCHOOL_YEAR).reason is StatusReason.EXPIRED
    )


def test_a_cancelled_request_says_so() -> None:
    request = cancel(ask(), by=uuid4(), at=MONDAY + timedelta(hours=1)).request
    result = status(CHILD.pupil_id, CODE, [request], MONDAY + timedelta(days=1))
    assert (result.allowed, result.reason) == (False, StatusReason.CANCELLED)


def test_a_new_request_after_a_withdrawal_is_what_the_status_follows() -> None:
    withdrawn = acts(given(), MUM, Act.WITHDRAW)
    fresh = ask(at=MONDAY + timedelta(days=3), existing=(withdrawn,))
    waiting = status(CHILD.pupil_id, CODE, [withdrawn, fresh], MONDAY + timedelta(days=4))
    assert (waiting.reason, waiting.request_id) == (StatusReason.WAITING, fresh.request_id)
    fresh = acts(acts(fresh, MUM, Act.AGREE), DAD, Act.AGREE)
    now_given = status(CHILD.pupil_id, CODE, [withdrawn, fresh], MONDAY + timedelta(days=5))
    assert now_given.allowed and now_given.request_id == fresh.request_id


def test_the_latest_finished_request_explains_why_not() -> None:
    refused = acts(ask(), MUM, Act.REFUSE)
    later = ask(at=MONDAY + timedelta(days=2), existing=(refused,))
    withdrawn = acts(acts(later, MUM, Act.AGREE), MUM, Act.WITHDRAW)
    result = status(CHILD.pupil_id, CODE, [withdrawn, refused], MONDAY + timedelta(days=9))
    assert (result.reason, result.request_id) == (StatusReason.WITHDRAWN, withdrawn.request_id)


def test_requests_for_another_purpose_or_pupil_do_not_count() -> None:
    request = given()
    assert not status(uuid4(), CODE, [request], MONDAY + timedelta(days=1)).allowed
    assert not status(CHILD.pupil_id, "share_file", [request], MONDAY + timedelta(days=1)).allowed
