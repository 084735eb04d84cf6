"""Properties of consent over random histories of answers, withdrawals and clock moves.

A hypothesis state machine opens requests for one pupil and purpose (random rule,
validity, age and family), then lets anyone — parties, informed-only parents, strangers
— answer, withdraw, cancel, expire, remind and reopen while the clock moves, also to the
exact moment validity ends. After every step it checks the rules the issue demands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.decisions import Expired, Given, ReminderDue, Withdrawn
from samen_consent.domain.dutch_time import local_date
from samen_consent.domain.errors import (
    AnswerAfterWithdrawal,
    ConsentError,
    ConsentStillValid,
    NoAuthority,
    NoPartyToAsk,
    NotAParty,
    RequestAlreadyOpen,
    RequestExpired,
)
from samen_consent.domain.evidence import Act, Channel, Evidence, shown_text
from samen_consent.domain.parties import (
    ASSESSMENT_AGES,
    GUARDIANS_ONLY,
    AgeRule,
    Guardianship,
    PartyRole,
    Pupil,
    Standing,
    age_on,
)
from samen_consent.domain.purposes import default_purpose
from samen_consent.domain.reminders import ReminderPolicy, remind
from samen_consent.domain.request import (
    ConsentRequest,
    Outcome,
    RequestState,
    effective_state,
    is_expired,
    is_valid,
    open_request,
)
from samen_consent.domain.rules import ConsentRule
from samen_consent.domain.status import status
from samen_consent.domain.transitions import answer, cancel, expire, withdraw
from samen_consent.domain.validity import (
    ForMonths,
    UntilSchoolYearEnd,
    UntilWithdrawn,
    Validity,
    add_months,
)

pytestmark = pytest.mark.unit

S = RequestState
MAY_FOLLOW: dict[RequestState, set[RequestState]] = {
    S.OPEN: {S.OPEN, S.GIVEN, S.REFUSED, S.WITHDRAWN, S.EXPIRED, S.CANCELLED},
    S.GIVEN: {S.GIVEN, S.WITHDRAWN, S.EXPIRED},
    S.REFUSED: {S.REFUSED},
    S.WITHDRAWN: {S.WITHDRAWN},
    S.EXPIRED: {S.EXPIRED},
    S.CANCELLED: {S.CANCELLED},
}
LIVE = (S.OPEN, S.GIVEN)
VALIDITIES: list[Validity] = [UntilSchoolYearEnd(), ForMonths(1), ForMonths(3), UntilWithdrawn()]
POLICY = ReminderPolicy(after_days=5, max_reminders=3)


@dataclass(frozen=True)
class Setup:
    start: datetime
    birth_date: date
    authority: int
    information: int
    rule: ConsentRule
    validity: Validity
    age_rule: AgeRule


@st.composite
def setups(draw: st.DrawFn) -> Setup:
    start = draw(
        st.datetimes(
            min_value=datetime(2024, 1, 1), max_value=datetime(2032, 12, 31), timezones=st.just(UTC)
        )
    )
    years = draw(st.sampled_from([6, 11, 12, 15, 16, 17]))  # around the 12 and 16 thresholds
    birthday = add_months(local_date(start), -12 * years)
    return Setup(
        start=start,
        birth_date=birthday + timedelta(days=draw(st.integers(-3, 3))),
        authority=draw(st.integers(0, 3)),
        information=draw(st.integers(0, 2)),
        rule=draw(st.sampled_from(ConsentRule)),
        validity=draw(st.sampled_from(VALIDITIES)),
        age_rule=draw(st.sampled_from([ASSESSMENT_AGES, GUARDIANS_ONLY])),
    )


def required_agreements_present(request: ConsentRequest) -> bool:
    """The rule, stated again independently: what `given` must mean."""
    agreed = {a.party_id for a in request.answers if a.act is Act.AGREE}
    refused = any(a.act is Act.REFUSE for a in request.answers)
    parties = request.parties
    pupil_agreed = parties.pupil is None or parties.pupil in agreed
    if not parties.guardians:
        guardians_agreed = parties.pupil is not None
    elif request.purpose.rule is ConsentRule.ALL_WITH_AUTHORITY:
        guardians_agreed = parties.guardians <= agreed
    else:
        guardians_agreed = bool(parties.guardians & agreed)
    return pupil_agreed and guardians_agreed and not refused


class ConsentHistories(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.requests: dict[UUID, ConsentRequest] = {}
        self.keys: set[tuple[UUID, str]] = set()
        self.withdrawals: list[datetime] = []
        self.stranger = uuid4()
        self.staff = uuid4()

    @initialize(setup=setups())
    def begin(self, setup: Setup) -> None:
        self.setup = setup
        self.now = setup.start
        self.pupil = Pupil(uuid4(), setup.birth_date)
        self.family = [
            Guardianship(uuid4(), Standing.PARENTAL_AUTHORITY) for _ in range(setup.authority)
        ]
        self.informed = {uuid4() for _ in range(setup.information)}
        self.family += [Guardianship(g, Standing.INFORMATION_RIGHT) for g in self.informed]
        self.purpose = replace(
            default_purpose(DefaultPurpose.ASSESSMENT),
            rule=setup.rule,
            validity=setup.validity,
            age_rule=setup.age_rule,
        )
        self.open_new()

    # --- actions -------------------------------------------------------------------

    @rule()
    def open_new(self) -> None:
        try:
            outcome = open_request(
                request_id=uuid4(),
                pupil=self.pupil,
                purpose=self.purpose,
                guardianships=self.family,
                requested_by=self.staff,
                now=self.now,
                existing=tuple(self.requests.values()),
            )
        except NoPartyToAsk:
            age = age_on(self.pupil.birth_date, local_date(self.now))
            alone = self.purpose.age_rule.pupil_alone_from
            assert self.setup.authority == 0 and (alone is None or age < alone)
            return
        except (RequestAlreadyOpen, ConsentStillValid):
            assert self.live_requests()
            return
        assert not self.live_requests()
        self.record(None, outcome)

    @precondition(lambda self: self.requests)
    @rule(
        index=st.integers(0, 9),
        who=st.integers(0, 9),
        agree=st.booleans(),
        lang=st.sampled_from(["nl", "ar", "so"]),
    )
    def answer_by_someone(self, index: int, who: int, agree: bool, lang: str) -> None:
        request = self.pick(index)
        actor = self.actor(request, who)
        evidence = self.evidence(request, actor, Act.AGREE if agree else Act.REFUSE, lang)
        must_succeed = (
            actor in request.parties.all
            and request.state is S.OPEN
            and request.answer_of(actor) is None
            and not is_expired(request, self.now)
        )
        self.attempt(request, actor, must_succeed, lambda: answer(request, evidence))

    @precondition(lambda self: self.requests)
    @rule(index=st.integers(0, 9), who=st.integers(0, 9))
    def withdraw_by_someone(self, index: int, who: int) -> None:
        request = self.pick(index)
        actor = self.actor(request, who)
        evidence = self.evidence(request, actor, Act.WITHDRAW, "nl")
        has_something = request.state is S.GIVEN or (
            request.state is S.OPEN and actor in request.agreed
        )
        must_succeed = (
            actor in request.parties.all and has_something and not is_expired(request, self.now)
        )
        self.attempt(request, actor, must_succeed, lambda: withdraw(request, evidence))

    @precondition(lambda self: self.requests)
    @rule(index=st.integers(0, 9))
    def staff_cancel(self, index: int) -> None:
        request = self.pick(index)
        try:
            outcome = cancel(request, by=self.staff, at=self.now)
        except ConsentError:
            assert effective_state(request, self.now) is not S.OPEN
            return
        assert effective_state(request, self.now) is S.OPEN
        self.record(request, outcome)

    @precondition(lambda self: self.requests)
    @rule(index=st.integers(0, 9))
    def sweep_expiry(self, index: int) -> None:
        request = self.pick(index)
        outcome = expire(request, self.now)
        if is_expired(request, self.now):
            (expired,) = outcome.decisions
            assert isinstance(expired, Expired) and expired.at == request.expires_at
        else:
            assert outcome == Outcome(request, ())
        self.record(request, outcome)

    @precondition(lambda self: self.requests)
    @rule(index=st.integers(0, 9))
    def sweep_reminders(self, index: int) -> None:
        request = self.pick(index)
        outcome = remind(request, self.now, POLICY)
        for reminder in outcome.decisions:
            assert isinstance(reminder, ReminderDue)
            assert effective_state(request, self.now) is S.OPEN
            assert request.answer_of(reminder.party_id) is None
            assert reminder.at <= self.now
        self.record(request, outcome)

    @rule(seconds=st.one_of(st.integers(0, 3600), st.integers(0, 120 * 86400)))
    def time_passes(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)

    @precondition(lambda self: self.requests)
    @rule(index=st.integers(0, 9), just_before=st.booleans())
    def time_reaches_the_end_of_validity(self, index: int, just_before: bool) -> None:
        end = self.pick(index).expires_at
        if end is not None:
            target = end - timedelta(microseconds=1 if just_before else 0)
            self.now = max(self.now, target)

    # --- the properties ------------------------------------------------------------

    @invariant()
    def never_given_without_every_required_agreement(self) -> None:
        for request in self.requests.values():
            if request.state is S.GIVEN or request.given_at is not None:
                assert required_agreements_present(request)

    @invariant()
    def expiry_always_wins(self) -> None:
        for request in self.requests.values():
            end = request.expires_at
            if end is not None and self.now >= end:
                assert not is_valid(request, self.now)
        verdict = status(self.pupil.pupil_id, self.purpose.code, self.requests.values(), self.now)
        if verdict.allowed:
            assert verdict.until is None or self.now < verdict.until

    @invariant()
    def after_a_withdrawal_only_a_new_request_makes_consent_valid(self) -> None:
        for request in self.requests.values():
            if request.state is S.WITHDRAWN:
                assert not is_valid(request, self.now)
        verdict = status(self.pupil.pupil_id, self.purpose.code, self.requests.values(), self.now)
        if verdict.allowed:
            assert verdict.request_id is not None
            resting_on = self.requests[verdict.request_id]
            assert resting_on.state is S.GIVEN and required_agreements_present(resting_on)
            assert all(resting_on.requested_at >= moment for moment in self.withdrawals)

    @invariant()
    def an_information_right_parent_is_never_a_party(self) -> None:
        for request in self.requests.values():
            assert not request.parties.all & self.informed

    @invariant()
    def at_most_one_request_is_live(self) -> None:
        assert len(self.live_requests()) <= 1

    # --- helpers -------------------------------------------------------------------

    def attempt(
        self, request: ConsentRequest, actor: UUID, must_succeed: bool, act: Callable[[], Outcome]
    ) -> None:
        try:
            outcome = act()
        except ConsentError as error:
            assert not must_succeed, f"{actor} was refused: {error!r}"
            self.check_refusal(request, actor, error)
            return
        assert must_succeed, "an act the rules do not allow went through"
        self.record(request, outcome)

    def check_refusal(self, request: ConsentRequest, actor: UUID, error: ConsentError) -> None:
        if actor in self.informed or actor in request.parties.not_asked:
            assert isinstance(error, NoAuthority)
        elif actor == self.stranger:
            assert isinstance(error, NotAParty)
        elif is_expired(request, self.now):
            assert isinstance(error, RequestExpired)
        elif request.state is S.WITHDRAWN and isinstance(error, AnswerAfterWithdrawal):
            pass
        else:
            assert not isinstance(error, (NoAuthority, NotAParty, RequestExpired))

    def record(self, before: ConsentRequest | None, outcome: Outcome) -> None:
        after = outcome.request
        if before is not None:
            assert after.state in MAY_FOLLOW[before.state], f"{before.state} -> {after.state}"
        for decision in outcome.decisions:
            key = (decision.request_id, decision.key)
            assert key not in self.keys, f"decision {key} emitted twice"
            self.keys.add(key)
            if isinstance(decision, Given):
                assert set(decision.agreed_by) == after.agreed
                assert required_agreements_present(after)
            if isinstance(decision, Withdrawn):
                self.withdrawals.append(decision.at)
        self.requests[after.request_id] = after

    def live_requests(self) -> list[ConsentRequest]:
        return [r for r in self.requests.values() if effective_state(r, self.now) in LIVE]

    def pick(self, index: int) -> ConsentRequest:
        ordered = sorted(self.requests.values(), key=lambda r: r.requested_at, reverse=True)
        return ordered[index % len(ordered)]

    def actor(self, request: ConsentRequest, who: int) -> UUID:
        parties = sorted(request.parties.all)
        others = [*sorted(request.parties.not_asked | self.informed), self.stranger]
        everyone = parties * 3 + others  # parties act most often
        return everyone[who % len(everyone)]

    def evidence(self, request: ConsentRequest, actor: UUID, act: Act, lang: str) -> Evidence:
        """Evidence as a forger would make it: the role a party would have, the right words."""
        role = request.parties.role_of(actor) or PartyRole.GUARDIAN
        by_page = role is PartyRole.GUARDIAN
        return Evidence(
            request_id=request.request_id,
            purpose_code=request.purpose.code,
            text_version=request.purpose.version,
            dutch_sha256=request.purpose.dutch.sha256,
            shown=shown_text(request.purpose, lang),
            party_id=actor,
            role=role,
            act=act,
            at=self.now,
            channel=Channel.GUARDIAN_PAGE if by_page else Channel.RECORDED_BY_STAFF,
            token_id="token" if by_page else None,
            witness_id=None if by_page else self.staff,
        )


TestConsentHistories = ConsentHistories.TestCase
TestConsentHistories.settings = settings(max_examples=300, stateful_step_count=40, deadline=None)
