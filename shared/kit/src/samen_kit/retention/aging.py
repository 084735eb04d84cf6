"""The rule for records that each have a clock of their own (access records: the day
a view or a refused attempt was recorded), as a cut-off day a query can use. Pure."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from samen_kit.retention.decision import add_months, erase_on
from samen_kit.retention.policy import RetentionRule


def last_day_due(rule: RetentionRule, today: date) -> date:
    """The last recording day whose period has run out by `today`: a record of that day
    or earlier goes, a later one stays. The same answer as `erase_now` per record, but
    one value for a whole table (`add_months` clamps month ends, so step past them)."""
    day = add_months(today, -rule.months)
    while erase_on(rule, day + timedelta(days=1)) <= today:
        day += timedelta(days=1)
    while erase_on(rule, day) > today:
        day -= timedelta(days=1)
    return day


def due_before(rule: RetentionRule, today: date) -> datetime:
    """The same cut-off for records that carry a moment: one recorded before it goes
    (its UTC day is at most `last_day_due`)."""
    return datetime.combine(last_day_due(rule, today) + timedelta(days=1), time(), UTC)
