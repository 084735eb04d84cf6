"""Calendar months: adding them to a date, and the inverse question the due scan asks."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the end of a shorter month.

    29 Feb 2024 + 12 → 28 Feb 2025; 31 Aug + 1 → 30 Sep; 29 Feb 2024 + 48 → 29 Feb 2028.
    """
    return _add_months(day, months)


# A scan over many OPPs meets the same few hundred start dates again and again.
@lru_cache(maxsize=4096)
def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, min(day.day, _days_in(year, month0 + 1)))


def latest_start_reaching(limit: date, months: int) -> date:
    """The latest date `start` with add_months(start, months) <= limit.

    add_months never decreases as its start grows, so every earlier start qualifies too;
    a scan can select candidates with `start <= latest_start_reaching(...)` in SQL.
    """
    back = add_months(limit, -months)
    if limit.day == _days_in(limit.year, limit.month):
        # Every day of `back`'s month clamps onto a day on or before `limit`.
        return back.replace(day=_days_in(back.year, back.month))
    return back


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
