"""A request's row and advice rows to the domain's state, and the state back to the row."""

from collections.abc import Sequence

from samen_admissions.adapters.tables import AdviceRow, RequestRow
from samen_admissions.domain import codes
from samen_admissions.domain.request import ExpertAdvice, Objection, RequestState


def advice_of(row: AdviceRow) -> ExpertAdvice:
    return ExpertAdvice(row.expert, codes.Discipline(row.discipline), codes.Advice(row.advice))


def state_of(row: RequestRow, advices: Sequence[AdviceRow]) -> RequestState:
    objection = None
    if row.objection_lodged_on is not None:
        objection = Objection(
            lodged_on=row.objection_lodged_on,
            in_time=bool(row.objection_in_time),
            advisory_step=bool(row.objection_advisory_step),
            stage=codes.ObjectionStage(row.objection_stage or codes.ObjectionStage.LODGED),
            advice=codes.ObjectionAdvice(row.objection_advice) if row.objection_advice else None,
            outcome=codes.ObjectionOutcome(row.objection_outcome)
            if row.objection_outcome
            else None,
        )
    return RequestState(
        kind=codes.RequestKind(row.kind),
        category=row.category,
        status=codes.Status(row.status),
        has_parents_view=row.parents_view is not None,
        submitted_on=row.submitted_on,
        advices=tuple(advice_of(a) for a in advices),
        decided_on=row.decided_on,
        start_date=row.start_date,
        end_date=row.end_date,
        objection=objection,
    )


def write_state(row: RequestRow, state: RequestState) -> None:
    row.status = state.status
    row.submitted_on = state.submitted_on
    row.decided_on = state.decided_on
    row.start_date = state.start_date
    row.end_date = state.end_date
    objection = state.objection
    row.objection_lodged_on = objection.lodged_on if objection else None
    row.objection_in_time = objection.in_time if objection else None
    row.objection_advisory_step = objection.advisory_step if objection else None
    row.objection_stage = objection.stage if objection else None
    row.objection_advice = objection.advice if objection else None
    row.objection_outcome = objection.outcome if objection else None
