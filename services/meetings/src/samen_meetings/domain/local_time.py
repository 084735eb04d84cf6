"""Wall-clock time in the Netherlands, stored and compared as UTC instants.

Dates that people mean ("the day before", "the due date has passed") are Amsterdam dates;
instants are kept in UTC so that comparisons hold across the DST changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Final
from zoneinfo import ZoneInfo

from samen_meetings.domain.errors import NaiveDateTime

AMSTERDAM: Final = ZoneInfo("Europe/Amsterdam")
MIDNIGHT: Final = time(0, 0)


def as_utc(instant: datetime, field: str = "datetime") -> datetime:
    """The same instant in UTC; a naive value is refused, its zone would be a guess."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise NaiveDateTime(field)
    return instant.astimezone(UTC)


def local_date(instant: datetime) -> date:
    return as_utc(instant).astimezone(AMSTERDAM).date()


def local_moment(day: date, at: time) -> datetime:
    """The UTC instant of `at` on `day` in Amsterdam.

    A wall time in the spring gap (02:00-03:00 on the last Sunday of March) does not exist;
    zoneinfo reads it with the winter offset, which lands one hour later in summer time.
    An autumn time that occurs twice means its first occurrence.
    """
    return datetime.combine(day, at, tzinfo=AMSTERDAM).astimezone(UTC)


def start_of_local_day(day: date) -> datetime:
    return local_moment(day, MIDNIGHT)
