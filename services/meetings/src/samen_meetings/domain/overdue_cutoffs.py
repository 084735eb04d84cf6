"""The second SQL filter of the due scan: rows already reported as due come back only
once they are overdue, so a scan does not reload every warned row each time."""

from __future__ import annotations

from datetime import date, datetime

from samen_meetings.domain.due import ONE_DAY
from samen_meetings.domain.local_time import local_date


def agreement_overdue_cutoff(now: datetime) -> date:
    """Unevaluated agreements with `evaluate_on` on or before this date are overdue."""
    return local_date(now) - ONE_DAY
