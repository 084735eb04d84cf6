"""The inspectie report over the caller's tenant (and schools)."""

from samen_kit.deadlines import local_date

from samen_admissions.adapters.requests import SqlRows
from samen_admissions.adapters.tables import AbsenceRow, RequestRow
from samen_admissions.domain import report
from samen_admissions.domain.codes import RequestKind
from samen_admissions.handlers.context import Deps, StaffActing


async def inspectie_report(deps: Deps, acting: StaffActing) -> report.Report:
    today = local_date(deps.clock.now())
    async with deps.sessions() as session:
        rows = SqlRows(session)
        absences = await rows.list_visible(AbsenceRow, acting.staff)
        requests = await rows.list_visible(RequestRow, acting.staff)
    decided = [
        report.Decided(r.submitted_on, r.decided_on)
        for r in requests
        if r.kind == RequestKind.TLV and r.submitted_on and r.decided_on
    ]
    return report.report(
        [report.Absence(a.school_id, a.home_since, a.ended_on) for a in absences], decided, today
    )
