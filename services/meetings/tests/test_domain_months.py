"""Adding calendar months: leap days and month ends clamp, never overflow."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_meetings.domain.months import add_months, latest_start_reaching

pytestmark = pytest.mark.unit

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
intervals = st.integers(min_value=1, max_value=12)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day, next year has none
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # four years on: a leap day again
        (date(2023, 2, 28), 12, date(2024, 2, 28)),  # not moved to the leap day
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 8, 31), 1, date(2025, 9, 30)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),  # over the year's end
        (date(2025, 5, 17), 12, date(2026, 5, 17)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(days, intervals)
def test_the_result_lies_exactly_that_many_calendar_months_on(start: date, months: int) -> None:
    result = add_months(start, months)

    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day <= start.day
    if start.day <= 28:
        assert result.day == start.day


@given(days)
def test_twelve_months_on_is_365_or_366_days_later(start: date) -> None:
    due = add_months(start, 12)

    assert timedelta(days=365) <= due - start <= timedelta(days=366)


@given(days, days, intervals)
def test_a_later_start_never_gives_an_earlier_result(a: date, b: date, months: int) -> None:
    early, late = sorted((a, b))

    assert add_months(early, months) <= add_months(late, months)


@given(days, intervals)
def test_latest_start_reaching_is_the_exact_boundary(limit: date, months: int) -> None:
    boundary = latest_start_reaching(limit, months)

    assert add_months(boundary, months) <= limit
    assert add_months(boundary + timedelta(days=1), months) > limit
