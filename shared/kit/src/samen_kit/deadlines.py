"""Statutory terms on the Dutch calendar: days in Europe/Amsterdam and the Algemene
termijnenwet (Atw, BWBR0002448). One copy for every service that computes a term.

- Atw art. 1 lid 1: a term set by law that ends on a Saturday, Sunday or generally
  recognised holiday runs on to the next day that is none of those.
- Atw art. 3 lid 1: the holidays — New Year's Day, Easter Monday, Ascension Day,
  Whit Monday, Christmas Day and Boxing Day, the day the King's birthday is celebrated,
  and 5 May.
- Atw art. 3 lid 2: Good Friday is equated with a holiday.
- Atw art. 3 lid 3: further days are equated by royal decree, per a few years at a time
  (bridge days). They cannot be computed; `DECREED_DAYS` lists those of the decrees
  read so far, and a new decree's days must be added there (with its source).
- King's Day: art. 3 lid 1 names the day the King's birthday *is celebrated*: since
  2014 27 April, or Saturday 26 April when the 27th is a Sunday.

Terms count calendar days from the day of the event; a deadline ends at the end of its
day in Amsterdam and is stored as that UTC instant.
"""

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

#: Days equated with a holiday by royal decree (Atw art. 3 lid 3), by source.
DECREED_DAYS: frozenset[date] = frozenset(
    {
        # Besluit van 24 oktober 2016, Stb. 2016, 401 (BWBR0038666).
        date(2017, 4, 28),
        date(2017, 5, 26),
        date(2018, 5, 11),
        date(2018, 12, 24),
        date(2018, 12, 31),
        date(2019, 5, 31),
        date(2019, 12, 27),
    }
)


def require_aware(at: datetime) -> datetime:
    """The same instant in UTC; a naive datetime is refused, it names no instant."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{at.isoformat()} has no time zone")
    return at.astimezone(UTC)


def local_date(at: datetime) -> date:
    """The calendar day in Amsterdam on which the instant falls."""
    return require_aware(at).astimezone(AMSTERDAM).date()


def end_of_day(day: date) -> datetime:
    """The instant `day` ends in Amsterdam (the midnight that starts the next day), in UTC.

    Built from the calendar day, so a day of 23 or 25 hours (DST) ends at its own midnight.
    """
    next_midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=AMSTERDAM)
    return next_midnight.astimezone(UTC)


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


def kings_day(year: int) -> date:
    """27 April; when that is a Sunday it is celebrated on Saturday 26 April."""
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


@cache
def public_holidays(year: int) -> frozenset[date]:
    """The holidays of Atw art. 3 lid 1 and Good Friday (art. 3 lid 2)."""
    easter = easter_sunday(year)
    return frozenset(
        {
            date(year, 1, 1),
            easter - timedelta(days=2),  # Goede Vrijdag (art. 3 lid 2)
            easter + timedelta(days=1),  # tweede paasdag
            easter + timedelta(days=39),  # hemelvaartsdag
            easter + timedelta(days=50),  # tweede pinksterdag
            kings_day(year),
            date(year, 5, 5),
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def is_holiday(day: date) -> bool:
    """A holiday of art. 3 lid 1, Good Friday, or a day equated by decree."""
    return day in public_holidays(day.year) or day in DECREED_DAYS


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_holiday(day)


def on_or_after_working_day(day: date) -> date:
    """Atw art. 1 lid 1: the day itself, or the next day that is no Saturday, Sunday
    or holiday."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def term_end(start: date, *, weeks: int = 0, days: int = 0, extend: bool = True) -> date:
    """The last day of a term of `weeks` and `days` counted from `start` (the day of the
    event does not count); run on to a working day under the Atw when `extend`."""
    end = start + timedelta(weeks=weeks, days=days)
    return on_or_after_working_day(end) if extend else end
