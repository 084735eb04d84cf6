"""Dates as people in the Netherlands mean them; instants compared in UTC.

Birthdays, "until 31 July" and "six months" are Amsterdam calendar dates; every instant
the domain returns is UTC so comparisons hold across daylight-saving changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Final
from zoneinfo import ZoneInfo

AMSTERDAM: Final = ZoneInfo("Europe/Amsterdam")


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC; a naive value is refused, its zone would be a guess."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: pass an aware instant")
    return moment.astimezone(UTC)


def local_date(moment: datetime) -> date:
    return as_utc(moment).astimezone(AMSTERDAM).date()


def start_of_local_day(day: date) -> datetime:
    """Midnight in Amsterdam as a UTC instant (midnight always exists there)."""
    return datetime.combine(day, time(0, 0), tzinfo=AMSTERDAM).astimezone(UTC)
