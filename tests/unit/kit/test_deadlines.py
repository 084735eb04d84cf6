"""The Algemene termijnenwet (Atw, BWBR0002448) on the calendar: which days stop a term."""

from datetime import UTC, date, datetime

import pytest
from samen_kit.deadlines import (
    DECREED_DAYS,
    end_of_day,
    is_working_day,
    local_date,
    on_or_after_working_day,
    term_end,
)


def test_good_friday_is_equated_with_a_holiday_atw_art_3_lid_2() -> None:
    """Atw art. 3 lid 2: Good Friday counts as a holiday. Good Friday 2026 is 3 April;
    with Easter Monday 6 April a term ending that Friday runs on to Tuesday 7 April."""
    assert not is_working_day(date(2026, 4, 3))
    assert on_or_after_working_day(date(2026, 4, 3)) == date(2026, 4, 7)


def test_a_six_week_term_ending_on_good_friday_runs_past_easter() -> None:
    """Atw art. 1 lid 1 with art. 3 lid 2: 20 February 2026 + 6 weeks = Good Friday."""
    assert term_end(date(2026, 2, 20), weeks=6) == date(2026, 4, 7)


def test_kings_day_on_a_sunday_is_celebrated_on_saturday_atw_art_3_lid_1() -> None:
    """Atw art. 3 lid 1 names the day the King's birthday is celebrated: in 2025 the 27th
    is a Sunday, so Saturday 26 April; a term ending on either runs on to Monday 28."""
    assert on_or_after_working_day(date(2025, 4, 26)) == date(2025, 4, 28)
    assert on_or_after_working_day(date(2025, 4, 27)) == date(2025, 4, 28)
    assert is_working_day(date(2025, 4, 28))


def test_christmas_and_boxing_day_stop_a_term_atw_art_3_lid_1() -> None:
    """Atw art. 3 lid 1: both Christmas days. Friday 25 December 2026 runs on over the
    weekend to Monday 28 December."""
    assert on_or_after_working_day(date(2026, 12, 25)) == date(2026, 12, 28)
    assert term_end(date(2026, 11, 13), weeks=6) == date(2026, 12, 28)


def test_days_equated_by_decree_stop_a_term_atw_art_3_lid_3() -> None:
    """Besluit van 24 oktober 2016 (BWBR0038666) equates 31 December 2018 (a Monday)."""
    assert date(2018, 12, 31) in DECREED_DAYS
    assert on_or_after_working_day(date(2018, 12, 29)) == date(2019, 1, 2)


def test_a_term_without_extension_ends_on_its_calendar_day() -> None:
    assert term_end(date(2026, 2, 20), weeks=6, extend=False) == date(2026, 4, 3)


def test_a_day_ends_at_amsterdam_midnight_in_utc() -> None:
    assert end_of_day(date(2026, 7, 1)) == datetime(2026, 7, 1, 22, tzinfo=UTC)
    assert local_date(datetime(2026, 7, 1, 22, 30, tzinfo=UTC)) == date(2026, 7, 2)
    with pytest.raises(ValueError):
        local_date(datetime(2026, 7, 1))
