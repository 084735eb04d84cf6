"""Dates as the school sees them: Amsterdam days, calendar months, the OPP's terms."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

AMSTERDAM: Final = ZoneInfo("Europe/Amsterdam")
# GLOSSARY.md "Deadlines": the OPP within 6 weeks of the start of extra support,
# evaluated with the parents at least once a year.
OPP_TERM: Final = timedelta(weeks=6)
EVALUATION_MONTHS: Final = 12


def amsterdam_day(at: datetime) -> date:
    return at.astimezone(AMSTERDAM).date()


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to a shorter month (29 Feb + 12 → 28 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def opp_due_on(support_started_on: date) -> date:
    return support_started_on + OPP_TERM


def evaluation_due_after(day: date) -> date:
    return add_months(day, EVALUATION_MONTHS)
