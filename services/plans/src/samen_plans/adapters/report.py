"""The inspectie report's queries, per school, narrowed to what the staff member may see.

- evaluation cycles due in the period: the due dates answered by an evaluation with the
  parents, and the due dates still open, that fall in the period; held: those answered;
- OPPs due in the period (6 weeks after support started) and those set by then;
- action parts in force without consent: the version in force has no request linked to
  it whose outcome is consent given. It must be zero; it is counted, not assumed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import Select, and_, case, exists, func, literal, select, union
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_plans.adapters.tables import ConsentLinkRow, EvaluationRow, OppRow

GIVEN = "given"


@dataclass
class SchoolCounts:
    evaluations_due: int = 0
    evaluations_held_with_parents: int = 0
    evaluations_held_on_time: int = 0
    opps_due: int = 0
    opps_set_within_six_weeks: int = 0
    action_parts_in_force_without_consent: int = 0


def _opps(staff: StaffPrincipal, school_id: UUID | None) -> Select[OppRow]:
    stmt = scoped(select(OppRow), staff)
    return stmt if school_id is None else stmt.where(col(OppRow.school_id) == school_id)


async def school_counts(
    session: AsyncSession,
    staff: StaffPrincipal,
    start: date,
    end: date,
    school_id: UUID | None,
) -> Mapping[UUID, SchoolCounts]:
    visible = _opps(staff, school_id).subquery()
    counts: dict[UUID, SchoolCounts] = {}

    def at(school: UUID) -> SchoolCounts:
        return counts.setdefault(school, SchoolCounts())

    answered: Any = select(
        col(EvaluationRow.tenant).label("tenant"),
        col(EvaluationRow.opp_id).label("opp_id"),
        col(EvaluationRow.due_on).label("due_on"),
        literal(True).label("held"),
        (col(EvaluationRow.held_on) <= col(EvaluationRow.due_on)).label("on_time"),
    ).where(col(EvaluationRow.with_parents), col(EvaluationRow.due_on).is_not(None))
    still_open: Any = select(
        visible.c.tenant,
        visible.c.opp_id,
        visible.c.evaluation_due_on.label("due_on"),
        literal(False).label("held"),
        literal(False).label("on_time"),
    ).where(visible.c.evaluation_due_on.is_not(None))
    cycles = union(answered, still_open).subquery()
    evaluations = (
        select(
            visible.c.school_id,
            func.count(),
            func.count().filter(cycles.c.held),
            func.count().filter(cycles.c.on_time),
        )
        .join(
            cycles,
            and_(cycles.c.tenant == visible.c.tenant, cycles.c.opp_id == visible.c.opp_id),
        )
        .where(cycles.c.due_on.between(start, end))
        .group_by(visible.c.school_id)
    )
    for school, due, held, on_time in await session.execute(evaluations):
        row = at(school)
        row.evaluations_due, row.evaluations_held_with_parents = due, held
        row.evaluations_held_on_time = on_time

    in_time = and_(
        visible.c.first_set_on.is_not(None), visible.c.first_set_on <= visible.c.opp_due_on
    )
    opps = (
        select(
            visible.c.school_id,
            func.count(),
            func.sum(case((in_time, 1), else_=0)),
        )
        .where(visible.c.opp_due_on.between(start, end))
        .group_by(visible.c.school_id)
    )
    for school, due, set_in_time in await session.execute(opps):
        at(school).opps_due, at(school).opps_set_within_six_weeks = due, int(set_in_time or 0)

    consented = exists().where(
        col(ConsentLinkRow.tenant) == visible.c.tenant,
        col(ConsentLinkRow.opp_id) == visible.c.opp_id,
        col(ConsentLinkRow.version) == visible.c.set_version,
        col(ConsentLinkRow.outcome) == GIVEN,
    )
    without = (
        select(visible.c.school_id, func.count())
        .where(visible.c.set_version.is_not(None), visible.c.closed_on.is_(None), ~consented)
        .group_by(visible.c.school_id)
    )
    for school, count in await session.execute(without):
        at(school).action_parts_in_force_without_consent = count
    return counts
