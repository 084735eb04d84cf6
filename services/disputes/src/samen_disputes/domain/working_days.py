"""Working days under the Algemene termijnenwet: a statutory term that ends on a Saturday,
Sunday or public holiday runs on to the next day that is none of those."""

from datetime import date, timedelta
from functools import cache


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _kings_day(year: int) -> date:
    # 27 April; when that is a Sunday it is kept on Saturday 26 April (since 2014).
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


@cache
def public_holidays(year: int) -> frozenset[date]:
    """The holidays the Algemene termijnenwet names (art. 3)."""
    easter = easter_sunday(year)
    return frozenset(
        {
            date(year, 1, 1),
            easter + timedelta(days=1),  # tweede paasdag
            easter + timedelta(days=39),  # hemelvaartsdag
            easter + timedelta(days=50),  # tweede pinksterdag
            _kings_day(year),
            date(year, 5, 5),
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def on_or_after_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
