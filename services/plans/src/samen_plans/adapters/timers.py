"""The timer scan's query: open OPPs that may have a timer due (the domain decides)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_plans.adapters.tables import OppRow
from samen_plans.domain.timers import EVALUATION_LEAD, OPP_LEAD, TimerKind

OVERDUE = (TimerKind.OPP_OVERDUE.value, TimerKind.EVALUATION_OVERDUE.value)


async def timer_candidates(session: AsyncSession, today: date) -> Sequence[OppRow]:
    return (await session.execute(candidates_statement(today))).scalars().all()


def candidates_statement(today: date) -> Select[OppRow]:  # type: ignore[type-var]
    """Leaves out what was reported overdue already: nothing follows that for the date."""
    opp_term = and_(
        col(OppRow.first_set_on).is_(None),
        col(OppRow.opp_due_on) <= today + OPP_LEAD,
        col(OppRow.opp_reported).is_distinct_from(TimerKind.OPP_OVERDUE.value),
    )
    evaluation = and_(
        col(OppRow.evaluation_due_on) <= today + EVALUATION_LEAD,
        or_(
            col(OppRow.evaluation_reported_for).is_distinct_from(col(OppRow.evaluation_due_on)),
            col(OppRow.evaluation_reported).is_distinct_from(TimerKind.EVALUATION_OVERDUE.value),
        ),
    )
    return (
        select(OppRow)
        .where(col(OppRow.closed_on).is_(None), or_(opp_term, evaluation))
        .order_by(col(OppRow.tenant), col(OppRow.opp_id))
    )
