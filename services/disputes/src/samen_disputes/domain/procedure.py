"""The procedure as a state machine: which moves are allowed, and what a move does."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from samen_disputes.domain import errors
from samen_disputes.domain.actors import Actor, Role, opener_of
from samen_disputes.domain.clock import local_date, require_aware
from samen_disputes.domain.guards import formal_stage_open, is_thuiszitter, lawful, side_may
from samen_disputes.domain.moves import (
    Action,
    CommitteeAdvice,
    DecisionOutcome,
    Move,
    outcome_following,
)
from samen_disputes.domain.rules import MoveRule, TenantRules
from samen_disputes.domain.stages import Ending, Stage, is_formal
from samen_disputes.domain.state import DisputeState, Track
from samen_disputes.domain.subjects import DisputeSubject


class TransitionKind(StrEnum):
    STAGE_CHANGED = "stage_changed"
    DEFENCE_REQUESTED = "defence_requested"
    DEFENCE_RECORDED = "defence_recorded"
    ADVICE_RECORDED = "advice_recorded"
    RESOLVED = "resolved"
    WITHDRAWN = "withdrawn"
    DECIDED = "decided"


@dataclass(frozen=True)
class Transition:
    """What one move did: who, when, why, and the structured facts events carry."""

    kind: TransitionKind
    move: Move
    actor: Actor
    at: datetime
    reason: str | None
    stages_before: frozenset[Stage]
    stages_after: frozenset[Stage]
    outcome: DecisionOutcome | None = None
    advice: CommitteeAdvice | None = None
    departs_from_advice: bool = False


def open_dispute(
    subject: DisputeSubject,
    actor: Actor,
    decision_date: date | None,
    at: datetime,
    *,
    rules: TenantRules,
    stage: Stage = Stage.CONVERSATION,
    at_home_since: date | None = None,
) -> DisputeState:
    """`at_home_since`: the day the pupil has been at home from (no place, or not going),
    if so; a pupil at home longer than four weeks may go to the onderwijsconsulent
    directly."""
    at = require_aware(at)
    state = DisputeState(subject, opener_of(actor.role), decision_date, at, at, ())
    thuiszitter = at_home_since is not None and is_thuiszitter(at_home_since, local_date(at))
    allowed = tuple(
        o.stage
        for o in rules.openings
        if _may_open(state, o.stage, actor.role, rules)
        and (o.stage is not Stage.EDUCATION_CONSULTANT or thuiszitter)
    )
    if stage not in allowed:
        raise errors.OpeningNotAllowed(stage, actor.role, allowed)
    return replace(state, tracks=(Track(stage, at),))


def _may_open(state: DisputeState, stage: Stage, role: Role, rules: TenantRules) -> bool:
    permitted = any(o.stage is stage and role in o.roles for o in rules.openings)
    return permitted and (not is_formal(stage) or formal_stage_open(state, stage))


def legal_moves(state: DisputeState, rules: TenantRules) -> list[Move]:
    """Every move possible in this state, whoever makes it."""
    return _unique(rule.move for rule in _matching(state, rules))


def allowed_moves(state: DisputeState, role: Role, rules: TenantRules) -> list[Move]:
    """The moves this role may make in this state."""
    return _unique(
        rule.move
        for rule in _matching(state, rules)
        if role in rule.roles and side_may(state, rule.move, role)
    )


def _matching(state: DisputeState, rules: TenantRules) -> list[MoveRule]:
    return [r for r in rules.moves if r.from_stages & state.stages and lawful(state, r.move)]


def _unique(moves: Iterable[Move]) -> list[Move]:
    seen: list[Move] = []
    for move in moves:
        if move not in seen:
            seen.append(move)
    return seen


def apply(
    state: DisputeState,
    move: Move,
    actor: Actor,
    at: datetime,
    reason: str | None = None,
    *,
    rules: TenantRules,
    outcome: DecisionOutcome | None = None,
    advice: CommitteeAdvice | None = None,
) -> tuple[DisputeState, Transition]:
    """Make `move`; the state passed in is never changed."""
    _check_allowed(state, move, actor.role, rules)
    at = require_aware(at)
    if at < state.last_moved_at:
        raise errors.MoveBeforeLastMove(at, state.last_moved_at)
    _check_payload(move, outcome, advice)
    new_state, kind, departs = _effect(state, move, at, reason, outcome, advice)
    transition = Transition(
        kind, move, actor, at, reason, state.stages, new_state.stages, outcome, advice, departs
    )
    return new_state, transition


def _check_allowed(state: DisputeState, move: Move, role: Role, rules: TenantRules) -> None:
    allowed = tuple(allowed_moves(state, role, rules))
    if move in allowed:
        return
    if move in legal_moves(state, rules):
        raise errors.MoveNotPermittedForRole(move, role, allowed)
    raise errors.IllegalMove(move, allowed)


def _check_payload(
    move: Move, outcome: DecisionOutcome | None, advice: CommitteeAdvice | None
) -> None:
    if move.action is Action.DECIDE and outcome is None:
        raise errors.DecisionWithoutOutcome()
    if move.action is Action.RECORD_ADVICE and advice is None:
        raise errors.AdviceWithoutOutcome()
    if outcome is not None and move.action is not Action.DECIDE:
        raise errors.PayloadNotForMove(move, "outcome")
    if advice is not None and move.action is not Action.RECORD_ADVICE:
        raise errors.PayloadNotForMove(move, "advice")


_Effect = tuple[DisputeState, TransitionKind, bool]


def _effect(
    state: DisputeState,
    move: Move,
    at: datetime,
    reason: str | None,
    outcome: DecisionOutcome | None,
    advice: CommitteeAdvice | None,
) -> _Effect:
    state = replace(state, last_moved_at=at)
    match move.action:
        case Action.ENTER:
            assert move.stage is not None  # Move guarantees it
            return _enter(state, move.stage, at), TransitionKind.STAGE_CHANGED, False
        case Action.REQUEST_DEFENCE:
            committee = _committee(state)
            updated = state.with_track(replace(committee, defence_requested_at=at))
            return updated, TransitionKind.DEFENCE_REQUESTED, False
        case Action.RECORD_DEFENCE:
            committee = _committee(state)
            updated = state.with_track(replace(committee, defence_at=at))
            return updated, TransitionKind.DEFENCE_RECORDED, False
        case Action.RECORD_ADVICE:
            committee = _committee(state)
            updated = state.with_track(replace(committee, advice=advice, advice_at=at))
            return updated, TransitionKind.ADVICE_RECORDED, False
        case Action.DECIDE:
            assert outcome is not None  # checked in _check_payload
            return _decide(state, at, reason, outcome)
        case Action.RESOLVE:
            return _end(state, Ending.RESOLVED, at), TransitionKind.RESOLVED, False
        case Action.WITHDRAW:
            return _end(state, Ending.WITHDRAWN, at), TransitionKind.WITHDRAWN, False


def _enter(state: DisputeState, stage: Stage, at: datetime) -> DisputeState:
    """Entering a stage ends the informal stage; formal tracks run on until the end."""
    kept = tuple(t for t in state.tracks if is_formal(t.stage))
    return replace(state, tracks=(*kept, Track(stage, at)))


def _committee(state: DisputeState) -> Track:
    committee = state.committee
    assert committee is not None  # the guards only allow this with a committee track
    return committee


def _decide(
    state: DisputeState, at: datetime, reason: str | None, outcome: DecisionOutcome
) -> _Effect:
    committee = state.committee
    advice = committee.advice if committee else None
    departs = advice is not None and outcome is not outcome_following(advice)
    if advice is not None and departs and not (reason and reason.strip()):
        raise errors.DepartureWithoutReasons(advice, outcome)
    decided = replace(_end(state, Ending.DECIDED, at), outcome=outcome)
    return decided, TransitionKind.DECIDED, departs


def _end(state: DisputeState, ending: Ending, at: datetime) -> DisputeState:
    return replace(state, tracks=(), ending=ending, ended_at=at)
