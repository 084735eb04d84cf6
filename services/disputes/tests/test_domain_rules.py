"""The tenant's table of moves is data: it can be stored, read back and changed."""

from datetime import UTC, date, datetime

import pytest
from samen_disputes.domain import (
    DEFAULT_RULES,
    Action,
    DecisionOutcome,
    DisputeState,
    DisputeSubject,
    IllegalMove,
    Move,
    MoveRule,
    Role,
    Stage,
    TenantRules,
    allowed_moves,
    legal_moves,
)

from services.disputes.tests.disputes_factories import moved, opened

pytestmark = pytest.mark.unit

AT = datetime(2025, 5, 6, 9, tzinfo=UTC)


def in_committee_about_the_opp(rules: TenantRules) -> DisputeState:
    """A dispute about the OPP a guardian took straight to the disputes committee."""
    return opened(
        DisputeSubject.OPP,
        decided_on=date(2025, 5, 1),
        at=AT,
        rules=rules,
        stage=Stage.DISPUTES_COMMITTEE,
    )


def test_the_default_table_survives_a_round_trip_through_rows() -> None:
    assert TenantRules.from_rows(DEFAULT_RULES.to_rows()) == DEFAULT_RULES


def test_a_row_naming_an_unknown_stage_is_refused() -> None:
    rows = DEFAULT_RULES.to_rows()
    rows["moves"][0]["from"] = ["courtroom"]
    with pytest.raises(ValueError):
        TenantRules.from_rows(rows)


def test_a_rule_that_names_no_stage_to_move_from_is_refused() -> None:
    with pytest.raises(ValueError):
        MoveRule(Move(Action.RESOLVE), frozenset(), frozenset({Role.IB}))


def test_a_tenant_may_let_its_swv_admin_record_the_defence() -> None:
    state = in_committee_about_the_opp(DEFAULT_RULES)
    defence = Move(Action.RECORD_DEFENCE)
    assert defence not in allowed_moves(state, Role.SWV_ADMIN, DEFAULT_RULES)
    rules = DEFAULT_RULES.with_roles(defence, {Role.BOARD_ADMIN, Role.SWV_ADMIN})
    assert defence in allowed_moves(state, Role.SWV_ADMIN, rules)


def test_a_tenant_may_allow_mediation_beside_a_pending_objection() -> None:
    rules = TenantRules(
        moves=(
            *DEFAULT_RULES.moves,
            MoveRule(
                Move.enter(Stage.MEDIATION),
                frozenset({Stage.OBJECTION}),
                frozenset({Role.GUARDIAN}),
            ),
        ),
        openings=DEFAULT_RULES.openings,
    )
    state = opened(decided_on=date(2025, 5, 1), at=AT, rules=rules, stage=Stage.OBJECTION)
    state = moved(state, Move.enter(Stage.MEDIATION), at=AT, rules=rules)
    assert state.stages == {Stage.OBJECTION, Stage.MEDIATION}


def test_no_table_lets_the_board_decide_before_the_committee_advises() -> None:
    anything_goes = TenantRules(
        moves=tuple(
            MoveRule(m, frozenset(Stage), frozenset(Role))
            for m in [
                *(Move.enter(s) for s in Stage),
                *(Move(a) for a in Action if a is not Action.ENTER),
            ]
        ),
        openings=DEFAULT_RULES.openings,
    )
    state = in_committee_about_the_opp(anything_goes)
    assert Move(Action.DECIDE) not in legal_moves(state, anything_goes)
    with pytest.raises(IllegalMove):
        moved(
            state, Move(Action.DECIDE), at=AT, rules=anything_goes, outcome=DecisionOutcome.UPHELD
        )


def test_no_table_sends_a_dispute_without_a_decision_to_a_formal_stage() -> None:
    anything_goes = DEFAULT_RULES.with_roles(Move.enter(Stage.OBJECTION), set(Role))
    state = opened(decided_on=None, at=AT, rules=anything_goes)
    assert Move.enter(Stage.OBJECTION) not in legal_moves(state, anything_goes)
