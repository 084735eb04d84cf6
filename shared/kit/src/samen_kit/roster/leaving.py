"""After a pupil leaves, the school's follow-up of them ends: no more reminders, due
dates or overdue notices about their meetings, agreements or OPP. The timers' queries
leave such pupils out with this one condition, so every service draws the line alike;
what is kept about them is the retention sweep's concern (docs/retention.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, exists

from samen_kit.roster.tables import RosterPupilRow

PUPIL = RosterPupilRow.__table__  # type: ignore[attr-defined]

# The same condition for the services whose timer query is written as text; it needs
# an `opp`-style alias holding tenant and pupil_id, and the query's placeholder for today.
STILL_AT_SCHOOL_SQL = (
    "NOT EXISTS (SELECT 1 FROM roster_pupil r WHERE r.tenant = {alias}.tenant"
    " AND r.pupil_id = {alias}.pupil_id AND r.left_on <= {today})"
)


def still_at_school(tenant: Any, pupil_id: Any, today: date) -> ColumnElement[bool]:
    """True unless the roster projection says the pupil left on or before `today`."""
    return ~exists().where(
        PUPIL.c.tenant == tenant, PUPIL.c.pupil_id == pupil_id, PUPIL.c.left_on <= today
    )


def still_at_school_sql(alias: str, today: str = ":today") -> str:
    """`today`: the query's placeholder for the date (`:today`, or asyncpg's `$1`)."""
    return STILL_AT_SCHOOL_SQL.format(alias=alias, today=today)
