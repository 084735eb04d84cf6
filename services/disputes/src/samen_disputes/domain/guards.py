"""The law's conditions on moves; they hold whatever a tenant's table allows."""

from datetime import date, timedelta

from samen_disputes.domain.actors import Role, opener_of
from samen_disputes.domain.moves import Action, Move
from samen_disputes.domain.stages import Stage, is_formal
from samen_disputes.domain.state import DisputeState
from samen_disputes.domain.subjects import committee_hears, objection_possible


def formal_stage_open(state: DisputeState, stage: Stage) -> bool:
    """A formal stage needs a dated decision on a subject that the route hears."""
    if state.decision_date is None:
        return False
    if stage is Stage.OBJECTION:
        return objection_possible(state.subject)
    return committee_hears(state.subject)


def lawful(state: DisputeState, move: Move) -> bool:
    if state.is_ended:
        return False
    committee = state.committee
    match move.action:
        case Action.ENTER:
            return _may_enter(state, move.stage)
        case Action.REQUEST_DEFENCE:
            return (
                committee is not None
                and committee.defence_requested_at is None
                and committee.defence_at is None
                and not committee.advice
            )
        case Action.RECORD_DEFENCE:
            return committee is not None and committee.defence_at is None and not committee.advice
        case Action.RECORD_ADVICE:
            return committee is not None and committee.advice is None
        case Action.DECIDE:
            # While the committee is hearing the case, the board waits for its advice.
            waiting = committee is not None and committee.advice is None
            return any(is_formal(s) for s in state.stages) and not waiting
        case Action.RESOLVE | Action.WITHDRAW:
            return True


def _may_enter(state: DisputeState, stage: Stage | None) -> bool:
    if stage is None or stage in state.stages:
        return False
    if stage is Stage.EDUCATION_CONSULTANT:
        return consultant_may_take(state)
    return formal_stage_open(state, stage) if is_formal(stage) else True


#: A pupil at home longer than four weeks (no school place, or not going) is a
#: thuiszitter; the parents may then ask an onderwijsconsulent directly, without talks
#: with the school first (the consultants' conditions, onderwijsconsulenten.nl).
THUISZITTER_WEEKS = 4


def is_thuiszitter(at_home_since: date, today: date) -> bool:
    return today > at_home_since + timedelta(weeks=THUISZITTER_WEEKS)


def consultant_may_take(state: DisputeState) -> bool:
    """An onderwijsconsulent does not take a case while a legal procedure about it runs
    (objection or disputes committee). Source: the onderwijsconsulenten's own conditions
    for taking a case (onderwijsconsulenten.nl, "when can you ask us"), not a statute;
    to be checked against the ministry's current regulation for the consultants."""
    return not any(is_formal(s) for s in state.stages)


def side_may(state: DisputeState, move: Move, role: Role) -> bool:
    """Only the side that opened a dispute may withdraw it."""
    return move.action is not Action.WITHDRAW or opener_of(role) is state.opened_by
