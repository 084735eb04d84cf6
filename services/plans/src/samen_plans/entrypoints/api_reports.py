"""The inspectie report (staff)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel

from samen_plans.entrypoints.api_opps import PROBLEMS
from samen_plans.entrypoints.permissions import ReportReader
from samen_plans.handlers.context import Context
from samen_plans.handlers.report import inspectie_report


class SchoolReport(BaseModel):
    school_id: UUID
    evaluations_due: int
    evaluations_held_with_parents: int
    evaluations_held_on_time: int
    opps_due: int
    opps_set_within_six_weeks: int
    action_parts_in_force_without_consent: int


class InspectieReport(BaseModel):
    period_from: date
    period_to: date
    schools: list[SchoolReport]


def reports_router(deps: Context) -> APIRouter:
    router = APIRouter(tags=["reports"], responses=PROBLEMS)

    @router.get("/reports/inspectie")
    async def inspectie(
        staff: ReportReader,
        start: Annotated[date, Query(alias="from")],
        end: Annotated[date, Query(alias="to")],
        school_id: UUID | None = None,
    ) -> InspectieReport:
        """Per school: evaluation cycles due in the period and those held with the
        parents; OPPs due in the period and those set within 6 weeks; action parts in
        force without consent (must be zero)."""
        counts = await inspectie_report(deps, staff, start, end, school_id)
        return InspectieReport(
            period_from=start,
            period_to=end,
            schools=[
                SchoolReport(school_id=school, **vars(c))
                for school, c in sorted(counts.items(), key=lambda kv: str(kv[0]))
            ],
        )

    return router
