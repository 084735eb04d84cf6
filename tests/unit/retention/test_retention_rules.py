"""The retention rules as specifications: when data may go, what a tenant may change,
and when a guardian's request must be refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_contract.events.retention import DataKind
from samen_kit.retention.decision import Hold, add_months, erase_now, erase_on
from samen_kit.retention.policy import (
    DEFAULT_POLICY,
    OverrideRefused,
    RetentionRule,
    StartingFact,
    policy_for,
)
from samen_kit.retention.refusal import LEGAL_HOLD, refusal_of_request

FILE = DEFAULT_POLICY.rule(DataKind.OPP_VERSIONS)
ADMISSIONS = DEFAULT_POLICY.rule(DataKind.ADMISSION_FILES)
LEFT = date(2026, 7, 17)

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
rules = st.sampled_from(list(DEFAULT_POLICY.rules.values()))
holds = st.lists(
    st.builds(
        lambda start, length: Hold(start, None if length is None else start + timedelta(length)),
        days,
        st.none() | st.integers(0, 2000),
    ),
    max_size=3,
)


def test_every_kind_has_a_rule_with_a_basis_and_a_dutch_label() -> None:
    assert set(DEFAULT_POLICY.rules) == set(DataKind)
    for rule in DEFAULT_POLICY.rules.values():
        assert rule.basis and rule.label and rule.basis_text and rule.months > 0


def test_the_pupil_file_goes_two_years_after_the_pupil_left() -> None:
    assert FILE.starts_at is StartingFact.PUPIL_LEFT
    assert not erase_now(FILE, LEFT, (), date(2028, 7, 16))
    assert erase_now(FILE, LEFT, (), date(2028, 7, 17))


def test_a_pupil_who_has_not_left_keeps_their_file() -> None:
    assert not erase_now(FILE, None, (), date(2090, 1, 1))


def test_an_open_dispute_keeps_the_file_until_it_is_decided() -> None:
    dispute = Hold(date(2028, 1, 10))
    assert not erase_now(FILE, LEFT, [dispute], date(2029, 1, 1))
    decided = Hold(date(2028, 1, 10), lifted_on=date(2029, 2, 1))
    assert not erase_now(FILE, LEFT, [decided], date(2029, 1, 31))
    assert erase_now(FILE, LEFT, [decided], date(2029, 2, 1))


def test_months_end_on_the_last_day_when_the_month_is_shorter() -> None:
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2028, 2, 29), 24) == date(2030, 2, 28)


def test_a_tenant_may_lengthen_a_period() -> None:
    policy = policy_for("swv-a", {"swv-a": {"roster_contact": 36}})
    assert policy.rule(DataKind.ROSTER_CONTACT).months == 36
    assert policy_for("swv-b", {"swv-a": {"roster_contact": 36}}) == DEFAULT_POLICY


def test_a_tenant_may_not_shorten_a_period_below_its_legal_minimum() -> None:
    with pytest.raises(OverrideRefused):
        policy_for("swv-a", {"swv-a": {"admission_files": 12}})
    with pytest.raises(ValueError):
        policy_for("swv-a", {"swv-a": {"no_such_kind": 12}})


def test_a_request_is_refused_while_the_archiefwet_keeps_the_admission_file() -> None:
    ended = date(2026, 1, 1)
    assert refusal_of_request(ADMISSIONS, ended, (), date(2027, 1, 1)) == ADMISSIONS.duty_to_keep
    assert refusal_of_request(ADMISSIONS, ended, (), date(2033, 1, 1)) is None
    assert refusal_of_request(FILE, None, (), date(2027, 1, 1)) is None


def test_a_request_is_refused_under_a_legal_hold() -> None:
    assert refusal_of_request(FILE, None, [Hold(date(2026, 1, 1))], date(2027, 1, 1)) == LEGAL_HOLD


@given(rules, days, holds, days)
def test_nothing_goes_before_its_period_has_run_out(
    rule: RetentionRule, ended: date, held: list[Hold], today: date
) -> None:
    if erase_now(rule, ended, held, today):
        assert today >= erase_on(rule, ended)
        assert not any(hold.open_on(today) for hold in held)


@given(rules, days, days, st.integers(0, 5000))
def test_once_due_without_holds_it_stays_due(
    rule: RetentionRule, ended: date, today: date, later: int
) -> None:
    if erase_now(rule, ended, (), today):
        assert erase_now(rule, ended, (), today + timedelta(later))


@given(rules, days, holds)
def test_without_holds_it_is_due_exactly_from_its_day(
    rule: RetentionRule, ended: date, held: list[Hold]
) -> None:
    due = erase_on(rule, ended)
    assert not erase_now(rule, ended, (), due - timedelta(1))
    assert erase_now(rule, ended, (), due)
    assert erase_now(rule, ended, held, due) == (not any(h.open_on(due) for h in held))


@given(days, st.integers(0, 240))
def test_adding_months_lands_in_the_right_month(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day


def test_consent_evidence_counts_from_the_consent_ending_not_only_from_leaving() -> None:
    rule = DEFAULT_POLICY.rule(DataKind.CONSENT_EVIDENCE)
    assert rule.starts_at is StartingFact.CONSENT_ENDED
    assert "zolang de school zich erop beroept" in rule.basis_text
