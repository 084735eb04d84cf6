"""Dates in messages: the parent's language, the Amsterdam clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from samen_notifications.domain.dates import DATE_WORDS, format_date, format_time
from samen_notifications.domain.errors import NaiveDatetime

pytestmark = pytest.mark.unit

TUESDAY_4_MARCH = date(2025, 3, 4)


@pytest.mark.parametrize(
    ("lang", "written"),
    [
        ("nl", "dinsdag 4 maart 2025"),
        ("en", "Tuesday 4 March 2025"),
        ("tr", "4 Mart 2025 Salı"),
        ("pl", "wtorek, 4 marca 2025"),
        ("uk", "вівторок, 4 березня 2025 р."),
        ("ar", "الثلاثاء 4 مارس 2025"),
    ],
)
def test_a_date_is_written_the_way_the_language_writes_it(lang: str, written: str) -> None:
    assert format_date(TUESDAY_4_MARCH, lang) == written


def test_every_language_has_seven_weekdays_and_twelve_months() -> None:
    assert all(len(w.weekdays) == 7 and len(w.months) == 12 for w in DATE_WORDS.values())


def test_a_moment_late_in_the_utc_evening_is_the_next_day_in_amsterdam() -> None:
    assert format_date(datetime(2025, 3, 3, 23, 30, tzinfo=UTC), "nl") == "dinsdag 4 maart 2025"


@pytest.mark.parametrize(
    ("moment", "clock"),
    [
        (datetime(2025, 1, 15, 12, 0, tzinfo=UTC), "13:00"),
        (datetime(2025, 7, 15, 12, 0, tzinfo=UTC), "14:00"),
    ],
    ids=["winter", "summer"],
)
def test_a_time_is_shown_on_the_amsterdam_clock(moment: datetime, clock: str) -> None:
    assert format_time(moment) == clock


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(NaiveDatetime):
        format_time(datetime(2025, 3, 4, 14, 30))
