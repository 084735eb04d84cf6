"""Access records as specifications: each record keeps its own clock from the day it was
recorded, and the one cut-off day a purge uses agrees with the per-record rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from samen_contract.events.retention import DataKind
from samen_kit.retention.aging import last_day_due
from samen_kit.retention.decision import erase_now
from samen_kit.retention.policy import DEFAULT_POLICY, StartingFact

ACCESS = DEFAULT_POLICY.rule(DataKind.ACCESS_RECORDS)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


def test_a_view_is_kept_five_years_from_the_day_it_was_recorded() -> None:
    assert ACCESS.starts_at is StartingFact.RECORDED
    assert last_day_due(ACCESS, date(2031, 3, 10)) == date(2026, 3, 10)
    assert last_day_due(ACCESS, date(2031, 3, 9)) == date(2026, 3, 9)


def test_a_view_on_the_last_day_of_february_in_a_leap_year_goes_on_the_28th() -> None:
    # 29 February 2028 plus five years has no 29th: the period runs out on the 28th.
    assert last_day_due(ACCESS, date(2033, 2, 28)) == date(2028, 2, 29)
    assert last_day_due(ACCESS, date(2033, 2, 27)) == date(2028, 2, 27)


@given(recorded=days, today=days, months=st.integers(1, 120))
def test_the_cut_off_day_agrees_with_the_rule_for_every_record(
    recorded: date, today: date, months: int
) -> None:
    rule = replace(ACCESS, months=months)
    assert (recorded <= last_day_due(rule, today)) == erase_now(rule, recorded, (), today)


@given(today=days)
def test_a_record_made_today_is_never_due(today: date) -> None:
    assert last_day_due(ACCESS, today) < today - timedelta(days=4 * 365)
