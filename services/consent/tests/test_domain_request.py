"""The consent request's state machine, one behaviour per test."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.decisions import (
    Answered,
    Cancelled,
    ConflictDetected,
    Decision,
    Expired,
    Given,
    Refused,
    Requested,
    Withdrawn,
    decision_id,
)
from samen_consent.domain.errors import (
    AlreadyAnswered,
    AlreadyWithdrawn,
    AnswerAfterWithdrawal,
    ConsentStillValid,
    InvalidEvidence,
    NoAuthority,
    NotAParty,
    NothingToWithdraw,
    OutOfOrder,
    RequestAlreadyOpen,
    RequestClosed,
    RequestExpired,
)
from samen_consent.domain.evidence import Act, Evidence
from samen_consent.domain.parties import Guardianship, Pupil, Standing
from samen_consent.domain.purposes import Purpose, default_purpose, revise
from samen_consent.domain.request import (
    ConsentRequest,
    Outcome,
    RequestState,
    is_valid,
    open_request,
)
from samen_consent.domain.rules import ConsentRule
from samen_consent.domain.texts import translation
from samen_consent.domain.transitions import answer, cancel, expire, withdraw
from samen_consent.domain.validity import UntilWithdrawn

from services.consent.tests.consent_factories import asked, on_the_page

pytestmark = pytest.mark.unit

MONDAY = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)
END_OF_SCHOOL_YEAR = datetime(2026, 7, 31, 22, 0, tzinfo=UTC)  # 1 August 00:00 Amsterdam
STAFF = uuid4()
MUM, DAD, FAR_AWAY_DAD = uuid4(), uuid4(), uuid4()  # FAR_AWAY_DAD: right to information only
CHILD = Pupil(uuid4(), date(2016, 4, 12))
FAMILY = (
    Guardianship(MUM, Standing.PARENTAL_AUTHORITY),
    Guardianship(DAD, Standing.PARENTAL_AUTHORITY),
    Guardianship(FAR_AWAY_DAD, Standing.INFORMATION_RIGHT),
)
MDO = default_purpose(DefaultPurpose.MDO_REQUEST)


def ask(
    purpose: Purpose = MDO,
    pupil: Pupil = CHILD,
    at: datetime = MONDAY,
    existing: tuple[ConsentRequest, ...] = (),
) -> ConsentRequest:
    return asked(purpose, FAMILY, at=at, pupil=pupil, by=STAFF, existing=existing)


def by(request: ConsentRequest, party: UUID, act: Act, hours: float = 1) -> Evidence:
    """Evidence of `act` by `party` on the guardian page, `hours` after the request."""
    at = request.last_change + timedelta(hours=hours)
    return on_the_page(request, party, act, at, token_id=f"token-{party}")


def agree(request: ConsentRequest, party: UUID) -> Outcome:
    return answer(request, by(request, party, Act.AGREE))


def refuse(request: ConsentRequest, party: UUID) -> Outcome:
    return answer(request, by(request, party, Act.REFUSE))


def take_back(request: ConsentRequest, party: UUID) -> Outcome:
    return withdraw(request, by(request, party, Act.WITHDRAW))


def kinds(outcome: Outcome) -> list[type[Decision]]:
    return [type(d) for d in outcome.decisions]


def given_by_both() -> ConsentRequest:
    return agree(agree(ask(), MUM).request, DAD).request


def test_a_request_asks_every_guardian_with_authority_and_not_the_informed_parent() -> None:
    outcome = open_request(
        request_id=uuid4(),
        pupil=CHILD,
        purpose=MDO,
        guardianships=FAMILY,
        requested_by=STAFF,
        now=MONDAY,
        existing=(),
    )
    (requested,) = outcome.decisions
    assert isinstance(requested, Requested)
    assert set(requested.guardians) == {MUM, DAD}
    assert requested.pupil_party is None
    assert requested.expires_at == END_OF_SCHOOL_YEAR
    assert outcome.request.state is RequestState.OPEN


def test_one_agreement_is_not_consent_while_the_other_guardian_has_not_answered() -> None:
    outcome = agree(ask(), MUM)
    assert kinds(outcome) == [Answered]
    assert outcome.request.state is RequestState.OPEN
    assert not is_valid(outcome.request, MONDAY + timedelta(days=1))


def test_consent_is_given_when_the_last_guardian_with_authority_agrees() -> None:
    outcome = agree(agree(ask(), MUM).request, DAD)
    assert kinds(outcome) == [Answered, Given]
    given = outcome.decisions[-1]
    assert isinstance(given, Given)
    assert set(given.agreed_by) == {MUM, DAD}
    assert given.valid_until == END_OF_SCHOOL_YEAR
    assert is_valid(outcome.request, MONDAY + timedelta(days=30))


def test_one_agreement_suffices_when_the_purpose_says_so() -> None:
    lenient = replace(MDO, rule=ConsentRule.ONE_SUFFICES)
    outcome = agree(ask(lenient), DAD)
    assert kinds(outcome) == [Answered, Given]


def test_a_refusal_ends_the_request_even_when_one_agreement_would_suffice() -> None:
    lenient = replace(MDO, rule=ConsentRule.ONE_SUFFICES)
    outcome = refuse(ask(lenient), MUM)
    assert kinds(outcome) == [Answered, Refused]
    assert outcome.request.state is RequestState.REFUSED
    with pytest.raises(RequestClosed):
        agree(outcome.request, DAD)


def test_a_refusal_after_the_other_guardian_agreed_is_a_conflict_to_talk_about() -> None:
    outcome = refuse(agree(ask(), MUM).request, DAD)
    assert kinds(outcome) == [Answered, Refused, ConflictDetected]
    conflict = outcome.decisions[-1]
    assert isinstance(conflict, ConflictDetected)
    assert (conflict.agreed_by, conflict.declined_by) == ((MUM,), DAD)


def test_a_refusal_with_no_agreement_beside_it_is_no_conflict() -> None:
    assert kinds(refuse(ask(), MUM)) == [Answered, Refused]


def test_a_parent_with_only_the_right_to_information_cannot_answer() -> None:
    request = ask()
    with pytest.raises(NoAuthority):
        by(request, FAR_AWAY_DAD, Act.AGREE)
    forged = replace(by(request, MUM, Act.AGREE), party_id=FAR_AWAY_DAD)
    with pytest.raises(NoAuthority):
        answer(request, forged)


def test_a_stranger_is_not_a_party() -> None:
    request = ask()
    forged = replace(by(request, MUM, Act.AGREE), party_id=uuid4())
    with pytest.raises(NotAParty):
        answer(request, forged)


def test_a_guardian_cannot_answer_twice() -> None:
    request = agree(ask(), MUM).request
    with pytest.raises(AlreadyAnswered):
        refuse(request, MUM)


def test_an_answer_after_a_withdrawal_is_refused_as_such() -> None:
    withdrawn = take_back(agree(ask(), MUM).request, MUM).request
    with pytest.raises(AnswerAfterWithdrawal):
        agree(withdrawn, DAD)


def test_withdrawing_given_consent_ends_it_and_flags_the_other_guardians_agreement() -> None:
    request = given_by_both()
    outcome = take_back(request, DAD)
    assert kinds(outcome) == [Withdrawn, ConflictDetected]
    withdrawn = outcome.decisions[0]
    assert isinstance(withdrawn, Withdrawn) and withdrawn.was_given
    assert outcome.request.state is RequestState.WITHDRAWN
    assert not is_valid(outcome.request, outcome.request.last_change)


def test_withdrawing_an_agreement_while_the_request_is_open_ends_the_request() -> None:
    outcome = take_back(agree(ask(), MUM).request, MUM)
    assert kinds(outcome) == [Withdrawn]
    withdrawn = outcome.decisions[0]
    assert isinstance(withdrawn, Withdrawn) and not withdrawn.was_given
    assert outcome.request.state is RequestState.WITHDRAWN


def test_a_guardian_who_has_not_agreed_refuses_rather_than_withdraws_an_open_request() -> None:
    with pytest.raises(NothingToWithdraw):
        take_back(agree(ask(), MUM).request, DAD)


def test_any_guardian_with_authority_may_withdraw_even_one_who_never_answered() -> None:
    lenient = replace(MDO, rule=ConsentRule.ONE_SUFFICES)
    given = agree(ask(lenient), MUM).request
    assert given.state is RequestState.GIVEN
    outcome = take_back(given, DAD)
    assert outcome.request.state is RequestState.WITHDRAWN


def test_withdrawing_twice_is_refused() -> None:
    withdrawn = take_back(given_by_both(), MUM).request
    with pytest.raises(AlreadyWithdrawn):
        take_back(withdrawn, DAD)


def test_a_refused_request_has_nothing_to_withdraw() -> None:
    with pytest.raises(RequestClosed):
        take_back(refuse(ask(), MUM).request, MUM)


def test_an_answer_at_the_moment_the_request_lapses_is_refused() -> None:
    request = agree(ask(), MUM).request
    late = replace(by(request, DAD, Act.AGREE), at=END_OF_SCHOOL_YEAR)
    with pytest.raises(RequestExpired):
        answer(request, late)
    just_in_time = replace(late, at=END_OF_SCHOOL_YEAR - timedelta(microseconds=1))
    assert answer(request, just_in_time).request.state is RequestState.GIVEN


def test_consent_is_not_valid_at_the_moment_it_ends_even_before_expiry_is_recorded() -> None:
    request = given_by_both()
    assert is_valid(request, END_OF_SCHOOL_YEAR - timedelta(microseconds=1))
    assert not is_valid(request, END_OF_SCHOOL_YEAR)
    with pytest.raises(RequestExpired):
        withdraw(request, replace(by(request, MUM, Act.WITHDRAW), at=END_OF_SCHOOL_YEAR))


def test_expiry_is_recorded_at_the_moment_validity_ended_not_when_a_sweep_noticed() -> None:
    outcome = expire(given_by_both(), END_OF_SCHOOL_YEAR + timedelta(days=3))
    (expired,) = outcome.decisions
    assert isinstance(expired, Expired) and expired.was_given
    assert expired.at == END_OF_SCHOOL_YEAR
    assert outcome.request.state is RequestState.EXPIRED


def test_expire_before_the_end_and_expire_twice_change_nothing() -> None:
    request = given_by_both()
    assert expire(request, END_OF_SCHOOL_YEAR - timedelta(seconds=1)) == Outcome(request, ())
    expired = expire(request, END_OF_SCHOOL_YEAR).request
    assert expire(expired, END_OF_SCHOOL_YEAR + timedelta(days=400)) == Outcome(expired, ())


def test_an_unanswered_request_lapses_with_the_school_year_it_asked_about() -> None:
    outcome = expire(ask(), END_OF_SCHOOL_YEAR)
    (expired,) = outcome.decisions
    assert isinstance(expired, Expired) and not expired.was_given


def test_consent_until_withdrawn_never_expires() -> None:
    forever = replace(MDO, validity=UntilWithdrawn())
    request = agree(agree(ask(forever), MUM).request, DAD).request
    far = MONDAY + timedelta(days=365 * 30)
    assert expire(request, far) == Outcome(request, ())
    assert is_valid(request, far)


def test_a_second_request_while_one_is_open_is_refused() -> None:
    first = ask()
    with pytest.raises(RequestAlreadyOpen) as refused:
        ask(existing=(first,))
    assert refused.value.open_request_id == first.request_id


def test_a_new_request_while_consent_is_still_valid_is_refused() -> None:
    with pytest.raises(ConsentStillValid):
        ask(at=MONDAY + timedelta(days=10), existing=(given_by_both(),))


def test_another_purpose_or_another_pupil_may_be_asked_beside_an_open_request() -> None:
    first = ask()
    ask(default_purpose(DefaultPurpose.SHARE_FILE), existing=(first,))
    ask(pupil=Pupil(uuid4(), date(2017, 1, 1)), existing=(first,))


def test_only_a_new_request_can_lead_to_consent_after_a_withdrawal() -> None:
    withdrawn = take_back(given_by_both(), MUM).request
    later = withdrawn.last_change + timedelta(days=1)
    fresh = ask(at=later, existing=(withdrawn,))
    outcome = agree(agree(fresh, MUM).request, DAD)
    assert outcome.request.state is RequestState.GIVEN
    assert not is_valid(withdrawn, later)


def test_staff_may_cancel_an_open_request_but_not_a_given_one() -> None:
    outcome = cancel(ask(), by=STAFF, at=MONDAY + timedelta(days=1))
    assert kinds(outcome) == [Cancelled]
    assert outcome.request.state is RequestState.CANCELLED
    with pytest.raises(RequestClosed):
        cancel(given_by_both(), by=STAFF, at=MONDAY + timedelta(days=1))


def test_a_moment_before_the_last_change_is_refused() -> None:
    request = agree(ask(), MUM).request
    earlier = replace(by(request, DAD, Act.AGREE), at=MONDAY)
    with pytest.raises(OutOfOrder):
        answer(request, earlier)


def test_an_answer_keeps_pointing_at_the_version_it_was_asked_about() -> None:
    request = ask()
    revised = revise(MDO, [translation("en", "New", "You may say no.")])
    assert revised.version == 2
    outcome = agree(request, MUM)
    (answered,) = outcome.decisions
    assert isinstance(answered, Answered)
    assert answered.evidence.text_version == 1
    assert answered.evidence.dutch_sha256 == MDO.dutch.sha256


def test_evidence_for_another_text_version_is_refused() -> None:
    request = ask()
    stale = replace(by(request, MUM, Act.AGREE), text_version=2)
    with pytest.raises(InvalidEvidence):
        answer(request, stale)


def test_evidence_claiming_a_text_that_was_not_shown_is_refused() -> None:
    request = ask()
    evidence = by(request, MUM, Act.AGREE)
    forged = replace(evidence, shown=replace(evidence.shown, sha256="0" * 64))
    with pytest.raises(InvalidEvidence):
        answer(request, forged)


def test_an_answer_in_a_translation_records_which_words_were_shown() -> None:
    request = ask()
    at = MONDAY + timedelta(hours=2)
    evidence = on_the_page(request, MUM, Act.AGREE, at, language="ar", token_id="t-1")
    arabic = MDO.text_in("ar")
    assert arabic is not None
    assert (evidence.shown.language, evidence.shown.sha256) == ("ar", arabic.sha256)
    assert evidence.shown.reviewed is False
    assert evidence.dutch_sha256 == MDO.dutch.sha256
    assert answer(request, evidence).request.answer_of(MUM) == evidence


def test_the_same_decision_always_gets_the_same_id() -> None:
    request = agree(ask(), MUM).request
    evidence = by(request, DAD, Act.AGREE)
    first, second = answer(request, evidence), answer(request, evidence)
    assert [decision_id(d) for d in first.decisions] == [decision_id(d) for d in second.decisions]
    assert len({decision_id(d) for d in first.decisions}) == len(first.decisions)
