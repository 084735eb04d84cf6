"""Validity: how long a consent holds, in Amsterdam calendar days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_consent.domain.dutch_time import AMSTERDAM, local_date
from samen_consent.domain.validity import (
    ForMonths,
    UntilSchoolYearEnd,
    UntilWithdrawn,
    Validity,
    add_months,
    last_valid_day,
    valid_until,
)

pytestmark = pytest.mark.unit


def amsterdam(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def test_consent_given_in_autumn_holds_through_31_july_of_the_next_calendar_year() -> None:
    given_at = amsterdam(2025, 10, 6, 14, 0)
    assert last_valid_day(UntilSchoolYearEnd(), given_at) == date(2026, 7, 31)
    assert valid_until(UntilSchoolYearEnd(), given_at) == amsterdam(2026, 8, 1, 0, 0)


def test_consent_given_in_spring_holds_through_31_july_of_the_same_year() -> None:
    assert last_valid_day(UntilSchoolYearEnd(), amsterdam(2026, 3, 2, 9)) == date(2026, 7, 31)


def test_consent_given_on_31_july_holds_only_that_day() -> None:
    given_at = amsterdam(2026, 7, 31, 10)
    assert valid_until(UntilSchoolYearEnd(), given_at) == amsterdam(2026, 8, 1)


def test_consent_given_on_1_august_holds_for_the_whole_new_school_year() -> None:
    assert last_valid_day(UntilSchoolYearEnd(), amsterdam(2026, 8, 1, 0, 5)) == date(2027, 7, 31)


def test_the_school_year_end_is_midnight_in_amsterdam_not_in_utc() -> None:
    end = valid_until(UntilSchoolYearEnd(), amsterdam(2026, 1, 5))
    assert end == datetime(2026, 7, 31, 22, 0, tzinfo=UTC)


def test_a_moment_late_on_31_july_utc_is_already_1_august_in_amsterdam() -> None:
    late_utc = datetime(2026, 7, 31, 22, 30, tzinfo=UTC)
    assert last_valid_day(UntilSchoolYearEnd(), late_utc) == date(2027, 7, 31)


def test_months_count_calendar_months_through_the_same_day() -> None:
    given_at = amsterdam(2026, 1, 15, 11)
    assert last_valid_day(ForMonths(6), given_at) == date(2026, 7, 15)
    assert valid_until(ForMonths(6), given_at) == amsterdam(2026, 7, 16)


def test_a_month_after_31_january_is_the_last_day_of_february() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


def test_twelve_months_after_a_leap_day_is_28_february() -> None:
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)


def test_a_validity_ending_across_the_clock_change_ends_at_local_midnight() -> None:
    end = valid_until(ForMonths(1), amsterdam(2026, 2, 28, 12))
    assert end == amsterdam(2026, 3, 29)
    assert end == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)  # still winter time at midnight


def test_until_withdrawn_has_no_end() -> None:
    assert valid_until(UntilWithdrawn(), amsterdam(2026, 1, 1)) is None


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError):
        valid_until(ForMonths(1), datetime(2026, 1, 1))


_moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
)
_validities: st.SearchStrategy[Validity] = st.one_of(
    st.just(UntilSchoolYearEnd()), st.integers(1, 120).map(ForMonths), st.just(UntilWithdrawn())
)


@given(_validities, _moments)
def test_validity_ends_after_it_starts_at_an_amsterdam_midnight(
    validity: Validity, start: datetime
) -> None:
    end = valid_until(validity, start)
    if isinstance(validity, UntilWithdrawn):
        assert end is None
        return
    assert end is not None and end > start
    local_end = end.astimezone(AMSTERDAM)
    assert (local_end.hour, local_end.minute) == (0, 0)
    assert local_date(end - timedelta(microseconds=1)) == last_valid_day(validity, start)


@given(_moments)
def test_the_school_year_validity_never_exceeds_one_year(start: datetime) -> None:
    last = last_valid_day(UntilSchoolYearEnd(), start)
    assert last is not None and (last.month, last.day) == (7, 31)
    assert 0 <= (last - local_date(start)).days < 366
