"""How long a consent holds once given.

Every validity ends at the start of an Amsterdam day: consent is valid *through* its
last day ("tot en met 31 juli"), which is how parents read it. `valid_until` is the
exclusive end instant in UTC; at or after it the consent is not valid.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeAlias

from samen_consent.domain.dutch_time import local_date, start_of_local_day
from samen_consent.domain.errors import InvalidPurpose


@dataclass(frozen=True, slots=True)
class UntilSchoolYearEnd:
    """Through the last day of the school year (31 July in the Netherlands)."""

    last_month: int = 7
    last_day: int = 31

    def __post_init__(self) -> None:
        try:
            date(2001, self.last_month, self.last_day)  # 2001: no leap day as a year end
        except ValueError as error:
            raise InvalidPurpose(f"school year cannot end on {self}") from error


@dataclass(frozen=True, slots=True)
class ForMonths:
    """Through the same day `months` calendar months later (clamped to the month's end)."""

    months: int

    def __post_init__(self) -> None:
        if not 1 <= self.months <= 120:
            raise InvalidPurpose(f"validity of {self.months} months is out of range 1..120")


@dataclass(frozen=True, slots=True)
class UntilWithdrawn:
    """No end date: valid until a party withdraws."""


Validity: TypeAlias = UntilSchoolYearEnd | ForMonths | UntilWithdrawn


def last_valid_day(validity: Validity, start: datetime) -> date | None:
    """The last Amsterdam day on which a consent given at `start` holds; None: no end."""
    day = local_date(start)
    match validity:
        case UntilSchoolYearEnd(last_month=month, last_day=last):
            this_year = date(day.year, month, last)
            return this_year if day <= this_year else date(day.year + 1, month, last)
        case ForMonths(months=months):
            return add_months(day, months)
        case UntilWithdrawn():
            return None


def valid_until(validity: Validity, start: datetime) -> datetime | None:
    """Exclusive end instant (UTC) of a consent given at `start`; None: no end."""
    last = last_valid_day(validity, start)
    return None if last is None else start_of_local_day(last + timedelta(days=1))


def add_months(day: date, months: int) -> date:
    """Calendar months later; 31 January + 1 month is the last day of February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
