"""The inspectie report: per school, evaluations with the parents, OPPs set in time, and
action parts in force without consent."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.db import unit_of_work

from samen_plans.adapters.report import SchoolCounts, school_counts
from samen_plans.domain.errors import PeriodInvalid
from samen_plans.handlers.context import Context


async def inspectie_report(
    deps: Context, staff: StaffPrincipal, start: date, end: date, school_id: UUID | None
) -> Mapping[UUID, SchoolCounts]:
    if end < start:
        raise PeriodInvalid()
    async with unit_of_work(deps.sessions) as session:
        return await school_counts(session, staff, start, end, school_id)
