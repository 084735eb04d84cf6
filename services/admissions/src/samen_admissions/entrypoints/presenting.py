"""Rows to response bodies."""

from datetime import date

from samen_kit.presenting import present

from samen_admissions.adapters.tables import AbsenceRow, RegistrationRow, RequestRow
from samen_admissions.domain import care, report, terms
from samen_admissions.entrypoints.schemas import (
    AbsenceOut,
    AdviceOut,
    InspectieReport,
    ObjectionOut,
    RegistrationOut,
    RequestLine,
    RequestOut,
    SchoolCount,
)
from samen_admissions.handlers.views import RequestFile


def _objection(row: RequestRow) -> ObjectionOut | None:
    if row.objection_lodged_on is None or row.decided_on is None:
        return None
    advisory = bool(row.objection_advisory_step)
    return ObjectionOut(
        lodged_on=row.objection_lodged_on,
        in_time=bool(row.objection_in_time),
        advisory_step=advisory,
        stage=row.objection_stage or "lodged",
        advice=row.objection_advice,
        outcome=row.objection_outcome,
        decide_by=terms.objection_decision_due(row.decided_on, advisory_step=advisory),
    )


def request_out(file: RequestFile) -> RequestOut:
    row = file.row
    return present(
        RequestOut,
        row,
        decide_by=terms.decision_due(row.submitted_on) if row.submitted_on else None,
        objection_by=terms.objection_by(row.decided_on) if row.decided_on else None,
        objection=_objection(row),
        advices=[present(AdviceOut, advice) for advice in file.advices],
    )


def request_line(row: RequestRow) -> RequestLine:
    return present(RequestLine, row)


def registration_out(row: RegistrationRow) -> RegistrationOut:
    return present(RegistrationOut, row)


def absence_out(row: AbsenceRow, today: date) -> AbsenceOut:
    thuiszitter = care.is_thuiszitter(row.home_since, row.ended_on, today)
    return present(AbsenceOut, row, thuiszitter=thuiszitter)


def report_out(made: report.Report, today: date) -> InspectieReport:
    return InspectieReport(
        as_of=today,
        thuiszitters_per_school=[
            SchoolCount(school_id=school, thuiszitters=count)
            for school, count in sorted(made.thuiszitters_per_school.items(), key=str)
        ],
        tlv_decisions=made.tlv_decisions,
        tlv_decisions_on_time=made.tlv_decisions_on_time,
    )
