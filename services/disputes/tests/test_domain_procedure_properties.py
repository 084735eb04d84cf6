"""Properties of the procedure over random sequences of moves, under random tenant tables."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import TypeVar

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from samen_disputes.domain import (
    DEFAULT_RULES,
    DEFAULT_SETTINGS,
    FORMAL_STAGES,
    INFORMAL_STAGES,
    Action,
    Actor,
    CommitteeAdvice,
    Deadline,
    DecisionOutcome,
    DisputeError,
    DisputeState,
    DisputeSubject,
    IllegalMove,
    Move,
    MoveNotPermittedForRole,
    NoStatutoryDeadline,
    OpeningNotAllowed,
    Role,
    Stage,
    TenantRules,
    allowed_moves,
    apply,
    legal_moves,
    next_deadline,
    open_dispute,
)

pytestmark = pytest.mark.unit

ALL_MOVES = [Move.enter(s) for s in Stage] + [Move(a) for a in Action if a is not Action.ENTER]
ROLES = list(Role)
# Strategies built once: building one per draw costs more than the rules under test.
OUTCOMES = st.sampled_from([None, *DecisionOutcome])
ADVICE = st.sampled_from([None, *CommitteeAdvice])
REASONS = st.sampled_from([None, "", "reasons given"])
MINUTES = st.integers(0, 60 * 24 * 40)


T = TypeVar("T")


@cache
def index_below(n: int) -> st.SearchStrategy[int]:
    return st.integers(0, n - 1)


def pick(data: st.DataObject, items: Sequence[T]) -> T:
    return items[data.draw(index_below(len(items)))]


OPENERS = [Role.GUARDIAN, Role.IB, Role.DIRECTOR, Role.BOARD_ADMIN, Role.SWV_ADMIN]


@st.composite
def tenant_rules(draw: st.DrawFn) -> TenantRules:
    """The default table, or the same moves with other roles and other stages to move from."""
    if draw(st.booleans()):
        return DEFAULT_RULES
    subsets = st.frozensets(st.sampled_from(list(Stage)), min_size=1)
    moves = tuple(
        replace(
            rule,
            from_stages=draw(subsets),
            roles=draw(st.frozensets(st.sampled_from(list(Role)))),
        )
        for rule in DEFAULT_RULES.moves
    )
    return replace(DEFAULT_RULES, moves=moves)


@st.composite
def opened(draw: st.DrawFn, rules: TenantRules) -> DisputeState:
    subject = draw(st.sampled_from(list(DisputeSubject)))
    decision = draw(st.none() | st.dates(date(2020, 1, 1), date(2030, 12, 31)))
    at = datetime.combine(decision or date(2025, 1, 1), datetime.min.time(), tzinfo=UTC)
    at += timedelta(hours=draw(st.integers(0, 24 * 60)))
    actor = Actor(draw(st.sampled_from(OPENERS)), "opener")
    stage = draw(st.sampled_from(list(Stage)))
    try:
        return open_dispute(subject, actor, decision, at, rules=rules, stage=stage)
    except OpeningNotAllowed:
        return open_dispute(subject, actor, decision, at, rules=rules)


def check_invariants(before: DisputeState, after: DisputeState) -> None:
    if before.is_ended:
        assert after == before, "the machine moved out of an ending"
    informal = [t for t in after.tracks if t.stage in INFORMAL_STAGES]
    assert len(informal) <= 1
    deadline = next_deadline(after, DEFAULT_SETTINGS)
    if after.is_ended:
        assert after.tracks == () and deadline is None
        return
    assert after.tracks, "an open dispute has an active stage"
    assert isinstance(deadline, Deadline | NoStatutoryDeadline)
    if after.stages & FORMAL_STAGES:
        assert isinstance(deadline, Deadline), "a formal track always has a term"
    # Formal tracks run on until the dispute ends.
    assert before.stages & FORMAL_STAGES <= after.stages


def draw_move(data: st.DataObject, state: DisputeState, rules: TenantRules) -> Move:
    """Mostly moves that keep the dispute going, so that deep states are reached."""
    legal = legal_moves(state, rules)
    going_on = [m for m in legal if m.action not in (Action.RESOLVE, Action.WITHDRAW)]
    pools = [p for p in (going_on, going_on, going_on, legal, ALL_MOVES) if p]
    return pick(data, pick(data, pools))


def step(data: st.DataObject, state: DisputeState, rules: TenantRules) -> DisputeState:
    legal = legal_moves(state, rules)
    move = draw_move(data, state, rules)
    permitted = sorted({r for rule in rules.moves if rule.move == move for r in rule.roles})
    actor = Actor(pick(data, pick(data, [p for p in (permitted, ROLES) if p])), "actor")
    at = state.last_moved_at + timedelta(minutes=data.draw(MINUTES))
    outcome, advice, reason = data.draw(OUTCOMES), data.draw(ADVICE), data.draw(REASONS)
    allowed = allowed_moves(state, actor.role, rules)
    try:
        new_state, transition = apply(
            state,
            move,
            actor,
            at,
            reason,
            rules=rules,
            outcome=outcome if move.action is Action.DECIDE else None,
            advice=advice if move.action is Action.RECORD_ADVICE else None,
        )
    except (IllegalMove, MoveNotPermittedForRole) as refused:
        assert move not in allowed
        assert list(refused.allowed) == allowed
        if isinstance(refused, MoveNotPermittedForRole):
            assert move in legal
        return state
    except DisputeError:
        assert move in allowed  # refused for its payload, not for the move
        return state
    assert move in allowed
    assert transition.stages_before == state.stages
    assert transition.stages_after == new_state.stages
    return new_state


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_random_move_sequences_keep_the_procedures_invariants(data: st.DataObject) -> None:
    rules = data.draw(tenant_rules())
    state = data.draw(opened(rules))
    check_invariants(state, state)
    for _ in range(data.draw(st.integers(1, 25))):
        new_state = step(data, state, rules)
        check_invariants(state, new_state)
        state = new_state
    event(f"ended as {state.ending}" if state.is_ended else f"open in {sorted(state.stages)}")


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_an_ended_dispute_refuses_every_move_and_lists_none_allowed(data: st.DataObject) -> None:
    rules = DEFAULT_RULES
    state = data.draw(opened(rules))
    ending = data.draw(st.sampled_from([Move(Action.RESOLVE), Move(Action.WITHDRAW)]))
    opener = Actor(Role.GUARDIAN if state.opened_by == "guardian" else Role.IB, "opener")
    ended, _ = apply(state, ending, opener, state.last_moved_at, rules=rules)
    move = data.draw(st.sampled_from(ALL_MOVES))
    role = data.draw(st.sampled_from(list(Role)))
    with pytest.raises(IllegalMove) as raised:
        apply(
            ended,
            move,
            Actor(role, "x"),
            ended.last_moved_at,
            rules=rules,
            outcome=DecisionOutcome.UPHELD if move.action is Action.DECIDE else None,
            advice=CommitteeAdvice.UNFOUNDED if move.action is Action.RECORD_ADVICE else None,
        )
    assert raised.value.allowed == ()
