"""The rule that decides "erase now?" from the policy, the ending fact, holds and today.

Pure. A legal hold (an open dispute, a request of the inspectie) blocks erasure while it
is open; once it is lifted the period counts as if there had been none, so data whose
period ran out during the hold goes at the next sweep (docs/retention.md).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from samen_kit.retention.policy import RetentionRule


@dataclass(frozen=True)
class Hold:
    placed_on: date
    lifted_on: date | None = None  # None: still open

    def open_on(self, day: date) -> bool:
        return self.placed_on <= day and (self.lifted_on is None or day < self.lifted_on)


def add_months(day: date, months: int) -> date:
    """`day` plus whole months; the 31st becomes the month's last day when it has none."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def erase_on(rule: RetentionRule, ended_on: date) -> date:
    """The first day on which the data may go (absent holds)."""
    return add_months(ended_on, rule.months)


def erase_now(
    rule: RetentionRule, ended_on: date | None, holds: Iterable[Hold], today: date
) -> bool:
    """True when the period has run out and no hold is open today."""
    if ended_on is None:  # the clock has not started: the pupil is still here
        return False
    if today < erase_on(rule, ended_on):
        return False
    return not any(hold.open_on(today) for hold in holds)
