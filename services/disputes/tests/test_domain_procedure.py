"""The dispute procedure as a state machine, with the default (glossary) rules."""

from datetime import datetime, timedelta

import pytest
from samen_disputes.domain import (
    DEFAULT_RULES,
    Action,
    AdviceWithoutOutcome,
    CommitteeAdvice,
    DecisionOutcome,
    DecisionWithoutOutcome,
    DepartureWithoutReasons,
    DisputeState,
    DisputeSubject,
    Ending,
    IllegalMove,
    Move,
    MoveBeforeLastMove,
    MoveNotPermittedForRole,
    OpeningNotAllowed,
    PayloadNotForMove,
    Role,
    Stage,
    Transition,
    TransitionKind,
    allowed_moves,
    apply,
)

from services.disputes.tests.disputes_factories import BOARD, GUARDIAN, IB, T0, moved, opened, step

pytestmark = pytest.mark.unit

DECIDE = Move(Action.DECIDE)
ADVICE = Move(Action.RECORD_ADVICE)


def with_objection_and_committee() -> DisputeState:
    state = moved(opened(), Move.enter(Stage.OBJECTION))
    return moved(state, Move.enter(Stage.DISPUTES_COMMITTEE))


def advised_well_founded() -> DisputeState:
    """The committee found the objection well founded; the board has yet to decide."""
    return moved(with_objection_and_committee(), ADVICE, BOARD, advice=CommitteeAdvice.WELL_FOUNDED)


def board_decides(
    state: DisputeState, outcome: DecisionOutcome, reason: str | None = None
) -> Transition:
    """The board decides a day after the last move; the transition it makes."""
    return step(state, DECIDE, BOARD, reason=reason, outcome=outcome)[1]


def test_a_dispute_opens_in_conversation_with_the_school() -> None:
    state = opened()
    assert state.stages == {Stage.CONVERSATION}
    assert not state.is_ended


def test_a_guardian_may_open_a_dispute_directly_with_an_objection() -> None:
    assert opened(stage=Stage.OBJECTION).stages == {Stage.OBJECTION}


def test_a_dispute_cannot_open_in_an_objection_without_a_dated_decision() -> None:
    with pytest.raises(OpeningNotAllowed) as raised:
        opened(decided_on=None, stage=Stage.OBJECTION)
    assert raised.value.allowed == (Stage.CONVERSATION,)


def test_an_ib_cannot_open_a_dispute_with_an_objection() -> None:
    with pytest.raises(OpeningNotAllowed):
        opened(by=IB, stage=Stage.OBJECTION)


def test_moving_to_mediation_ends_the_conversation_stage() -> None:
    state, transition = apply(
        opened(), Move.enter(Stage.MEDIATION), IB, T0, "both agree", rules=DEFAULT_RULES
    )
    assert state.stages == {Stage.MEDIATION}
    assert transition.kind is TransitionKind.STAGE_CHANGED
    assert transition.stages_before == {Stage.CONVERSATION}
    assert transition.stages_after == {Stage.MEDIATION}
    assert (transition.actor, transition.at, transition.reason) == (IB, T0, "both agree")


def test_an_objection_and_a_committee_request_run_side_by_side() -> None:
    assert with_objection_and_committee().stages == {Stage.OBJECTION, Stage.DISPUTES_COMMITTEE}


def test_the_board_waits_for_the_committees_advice_before_deciding_the_objection() -> None:
    state = with_objection_and_committee()
    with pytest.raises(IllegalMove) as raised:
        moved(state, DECIDE, BOARD, outcome=DecisionOutcome.UPHELD)
    assert DECIDE not in raised.value.allowed
    assert ADVICE in raised.value.allowed


def test_after_the_advice_the_board_decides_and_the_dispute_ends() -> None:
    state = moved(with_objection_and_committee(), ADVICE, BOARD, advice=CommitteeAdvice.UNFOUNDED)
    state = moved(state, DECIDE, BOARD, outcome=DecisionOutcome.UPHELD)
    assert (state.ending, state.outcome, state.stages) == (
        Ending.DECIDED,
        DecisionOutcome.UPHELD,
        frozenset(),
    )


def test_a_board_departing_from_the_advice_must_give_reasons() -> None:
    with pytest.raises(DepartureWithoutReasons):
        board_decides(advised_well_founded(), DecisionOutcome.UPHELD, "  ")


def test_a_departure_with_reasons_is_recorded_as_a_departure() -> None:
    transition = board_decides(advised_well_founded(), DecisionOutcome.UPHELD, "no place available")
    assert transition.kind is TransitionKind.DECIDED
    assert transition.departs_from_advice


def test_a_decision_following_the_advice_needs_no_reasons() -> None:
    transition = board_decides(advised_well_founded(), DecisionOutcome.REVISED)
    assert not transition.departs_from_advice


def test_a_decision_without_an_outcome_is_refused() -> None:
    state = moved(opened(), Move.enter(Stage.OBJECTION))
    with pytest.raises(DecisionWithoutOutcome):
        apply(state, DECIDE, BOARD, T0 + timedelta(days=9), rules=DEFAULT_RULES)


def test_advice_without_its_outcome_is_refused() -> None:
    state = moved(opened(), Move.enter(Stage.DISPUTES_COMMITTEE))
    with pytest.raises(AdviceWithoutOutcome):
        apply(state, ADVICE, BOARD, T0 + timedelta(days=9), rules=DEFAULT_RULES)


def test_an_outcome_given_with_a_move_that_takes_none_is_refused() -> None:
    with pytest.raises(PayloadNotForMove):
        moved(opened(), Move(Action.RESOLVE), outcome=DecisionOutcome.REVISED)


def test_no_objection_without_a_dated_decision_and_the_allowed_moves_are_listed() -> None:
    state = opened(decided_on=None)
    with pytest.raises(IllegalMove) as raised:
        apply(state, Move.enter(Stage.OBJECTION), GUARDIAN, T0, rules=DEFAULT_RULES)
    assert list(raised.value.allowed) == allowed_moves(state, Role.GUARDIAN, DEFAULT_RULES)
    assert Move.enter(Stage.MEDIATION) in raised.value.allowed


def test_a_dispute_about_support_cannot_go_to_the_committee() -> None:
    state = opened(subject=DisputeSubject.SUPPORT_OR_ARRANGEMENT)
    with pytest.raises(IllegalMove):
        apply(state, Move.enter(Stage.DISPUTES_COMMITTEE), GUARDIAN, T0, rules=DEFAULT_RULES)


def test_a_dispute_about_the_opp_goes_to_the_committee_but_not_to_objection() -> None:
    moves = allowed_moves(opened(subject=DisputeSubject.OPP), Role.GUARDIAN, DEFAULT_RULES)
    assert Move.enter(Stage.DISPUTES_COMMITTEE) in moves
    assert Move.enter(Stage.OBJECTION) not in moves


def test_only_the_board_decides() -> None:
    state = moved(opened(), Move.enter(Stage.OBJECTION))
    with pytest.raises(MoveNotPermittedForRole) as raised:
        moved(state, DECIDE, IB, outcome=DecisionOutcome.UPHELD)
    assert raised.value.role is Role.IB
    assert DECIDE not in raised.value.allowed


def test_the_school_cannot_withdraw_a_dispute_a_guardian_opened() -> None:
    with pytest.raises(MoveNotPermittedForRole):
        apply(opened(), Move(Action.WITHDRAW), IB, T0, rules=DEFAULT_RULES)


def test_the_guardian_who_opened_may_withdraw_at_any_stage() -> None:
    state = moved(with_objection_and_committee(), Move(Action.WITHDRAW))
    assert state.ending is Ending.WITHDRAWN


def test_resolving_by_agreement_ends_the_dispute() -> None:
    state, transition = apply(opened(), Move(Action.RESOLVE), IB, T0, rules=DEFAULT_RULES)
    assert state.ending is Ending.RESOLVED
    assert transition.kind is TransitionKind.RESOLVED


def test_an_ended_dispute_allows_no_move_at_all() -> None:
    ended = moved(opened(), Move(Action.RESOLVE))
    with pytest.raises(IllegalMove) as raised:
        moved(ended, Move.enter(Stage.CONVERSATION))
    assert raised.value.allowed == ()


def test_the_onderwijsconsulent_comes_after_talks_with_the_school() -> None:
    with pytest.raises(IllegalMove):
        moved(opened(stage=Stage.OBJECTION), Move.enter(Stage.EDUCATION_CONSULTANT))
    state = moved(opened(), Move.enter(Stage.EDUCATION_CONSULTANT))
    assert state.stages == {Stage.EDUCATION_CONSULTANT}


def test_the_defence_is_recorded_once_on_the_committee_track() -> None:
    state = moved(opened(), Move.enter(Stage.DISPUTES_COMMITTEE))
    state = moved(state, Move(Action.RECORD_DEFENCE), BOARD)
    assert state.committee is not None and state.committee.defence_at is not None
    assert Move(Action.RECORD_DEFENCE) not in allowed_moves(state, Role.BOARD_ADMIN, DEFAULT_RULES)


def test_a_move_dated_before_the_last_move_is_refused() -> None:
    state = moved(opened(), Move.enter(Stage.MEDIATION))
    with pytest.raises(MoveBeforeLastMove):
        apply(state, Move(Action.RESOLVE), GUARDIAN, T0, rules=DEFAULT_RULES)


def test_a_move_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        apply(opened(), Move(Action.RESOLVE), GUARDIAN, datetime(2025, 3, 4), rules=DEFAULT_RULES)


def test_apply_leaves_the_state_it_was_given_unchanged() -> None:
    state = opened()
    apply(state, Move.enter(Stage.MEDIATION), GUARDIAN, T0, rules=DEFAULT_RULES)
    assert state.stages == {Stage.CONVERSATION}


def test_a_move_reads_and_writes_as_text_for_the_api() -> None:
    assert str(Move.enter(Stage.MEDIATION)) == "enter:mediation"
    assert Move.parse("enter:mediation") == Move.enter(Stage.MEDIATION)
    assert Move.parse("decide") == DECIDE
    with pytest.raises(ValueError):
        Move.parse("enter")
