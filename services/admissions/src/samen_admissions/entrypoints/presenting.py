"""Rows to response bodies."""

from datetime import date

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
    return RequestOut(
        id=row.id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        kind=row.kind,
        category=row.category,
        status=row.status,
        opp_id=row.opp_id,
        motivation=row.motivation,
        parents_view=row.parents_view,
        submitted_on=row.submitted_on,
        decide_by=terms.decision_due(row.submitted_on) if row.submitted_on else None,
        decided_on=row.decided_on,
        start_date=row.start_date,
        end_date=row.end_date,
        refusal_reasons=row.refusal_reasons,
        objection_by=terms.objection_by(row.decided_on) if row.decided_on else None,
        objection=_objection(row),
        advices=[
            AdviceOut(
                id=a.id,
                discipline=a.discipline,
                field_of_expertise=a.field_of_expertise,
                advice=a.advice,
                text=a.text,
                given_at=a.given_at,
            )
            for a in file.advices
        ],
    )


def request_line(row: RequestRow) -> RequestLine:
    return RequestLine(
        id=row.id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        kind=row.kind,
        category=row.category,
        status=row.status,
        submitted_on=row.submitted_on,
        end_date=row.end_date,
    )


def registration_out(row: RegistrationRow) -> RegistrationOut:
    return RegistrationOut(
        id=row.id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        registered_on=row.registered_on,
        extended=row.extended,
        decide_by=row.decide_by,
        outcome=row.outcome,
        decided_on=row.decided_on,
    )


def absence_out(row: AbsenceRow, today: date) -> AbsenceOut:
    return AbsenceOut(
        id=row.id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        home_since=row.home_since,
        ended_on=row.ended_on,
        reported_on=row.reported_on,
        thuiszitter=care.is_thuiszitter(row.home_since, row.ended_on, today),
    )


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
