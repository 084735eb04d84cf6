"""The timer scan's query: the work list itself, one row per timer due.

One indexed statement finds the timers due, so the scan maps no OPP rows and runs no
rule in Python for the OPPs that have nothing due. It goes straight to asyncpg on the
session's connection: over a work list of tens of thousands of rows SQLAlchemy's result
processing cost more than the query itself (issue 17's due-scan row). The rule it encodes is
`samen_plans.domain.timers.timers_due` (the authority): each timer is checked against
it again under the OPP's lock before it is emitted, and a test holds the two equal.
Each half of the UNION uses its own partial index (migration 0002). A pupil who left
has no timers any more (`samen_kit.roster.leaving`): the school's follow-up ends.
"""

from __future__ import annotations

from datetime import date, timedelta

from samen_kit.driver import driver_connection
from samen_kit.roster.leaving import still_at_school_sql
from sqlalchemy.ext.asyncio import AsyncSession

from samen_plans.domain.timers import EVALUATION_LEAD, OPP_LEAD, Timer, TimerKind

# A timer fires unless it was reported for this very date already: "due" is silenced by
# "due" or "overdue", "overdue" only by "overdue" (the rule of `_track` in the domain).
_STILL_HERE = still_at_school_sql("opp", today="$1")
# $1 today, $2 the last OPP due date in the lead, $3 the last evaluation date in it.
DUE_TIMERS_SQL = f"""
    SELECT tenant, opp_id, kind, due_on FROM (
        SELECT tenant, opp_id, 0 AS track, opp_due_on AS due_on,
               CASE WHEN opp_due_on < $1 THEN 'opp_overdue' ELSE 'opp_due' END AS kind,
               CASE WHEN opp_due_on < $1
                    THEN opp_reported IS DISTINCT FROM 'opp_overdue'
                    ELSE opp_reported IS NULL
                         OR opp_reported NOT IN ('opp_due', 'opp_overdue') END AS fires
        FROM opp
        WHERE closed_on IS NULL AND first_set_on IS NULL AND opp_due_on <= $2
          AND {_STILL_HERE}
        UNION ALL
        SELECT tenant, opp_id, 1, evaluation_due_on,
               CASE WHEN evaluation_due_on < $1
                    THEN 'evaluation_overdue' ELSE 'evaluation_due' END,
               evaluation_reported_for IS DISTINCT FROM evaluation_due_on
               OR CASE WHEN evaluation_due_on < $1
                       THEN evaluation_reported IS DISTINCT FROM 'evaluation_overdue'
                       ELSE evaluation_reported IS NULL
                            OR evaluation_reported NOT IN ('evaluation_due', 'evaluation_overdue')
                  END
        FROM opp
        WHERE closed_on IS NULL AND evaluation_due_on <= $3
          AND {_STILL_HERE}
    ) AS candidate
    WHERE fires
    ORDER BY tenant, opp_id, track
"""


_KINDS = {kind.value: kind for kind in TimerKind}


def due_timers_arguments(
    today: date, *, opp_lead: timedelta = OPP_LEAD, evaluation_lead: timedelta = EVALUATION_LEAD
) -> tuple[date, date, date]:
    """`DUE_TIMERS_SQL`'s arguments, in order."""
    return today, today + opp_lead, today + evaluation_lead


async def due_timers(session: AsyncSession, today: date) -> list[Timer]:
    """Every timer due on `today`, in (tenant, OPP) order."""
    conn = await driver_connection(session)
    rows = await conn.fetch(DUE_TIMERS_SQL, *due_timers_arguments(today))
    return [Timer(_KINDS[kind], tenant, opp_id, due_on) for tenant, opp_id, kind, due_on in rows]
