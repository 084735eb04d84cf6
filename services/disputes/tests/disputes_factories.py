"""Disputes the domain tests start from: the actors, a dispute a guardian opened and the
moves made on it. Each test says only what differs from these defaults."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TypedDict, Unpack

from samen_disputes.domain import (
    DEFAULT_RULES,
    Actor,
    CommitteeAdvice,
    DecisionOutcome,
    DisputeState,
    DisputeSubject,
    Move,
    Role,
    Stage,
    TenantRules,
    Transition,
    apply,
    open_dispute,
)

GUARDIAN = Actor(Role.GUARDIAN, "guardian-1")
IB = Actor(Role.IB, "ib-1")
BOARD = Actor(Role.BOARD_ADMIN, "board-1")
T0 = datetime(2025, 3, 3, 9, tzinfo=UTC)


def opened(
    subject: DisputeSubject = DisputeSubject.REMOVAL,
    by: Actor = GUARDIAN,
    decided_on: date | None = date(2025, 3, 1),
    *,
    at: datetime = T0,
    stage: Stage = Stage.CONVERSATION,
    rules: TenantRules = DEFAULT_RULES,
    at_home_since: date | None = None,
) -> DisputeState:
    """A dispute about a decision of `decided_on`, opened at `at`."""
    return open_dispute(
        subject, by, decided_on, at, rules=rules, stage=stage, at_home_since=at_home_since
    )


class How(TypedDict, total=False):
    """When and with what a move is made (`step`'s keywords)."""

    at: datetime | None
    reason: str | None
    outcome: DecisionOutcome | None
    advice: CommitteeAdvice | None
    rules: TenantRules


def step(
    state: DisputeState,
    move: Move | str,
    actor: Actor = GUARDIAN,
    *,
    at: datetime | None = None,
    reason: str | None = None,
    outcome: DecisionOutcome | None = None,
    advice: CommitteeAdvice | None = None,
    rules: TenantRules = DEFAULT_RULES,
) -> tuple[DisputeState, Transition]:
    """`move` (or its text, `"enter:objection"`) by `actor` at `at`, by default a day
    after the last move (a move may not come before the one before it): the new state and
    the transition."""
    made = Move.parse(move) if isinstance(move, str) else move
    when = at if at is not None else state.last_moved_at + timedelta(days=1)
    return apply(state, made, actor, when, reason, rules=rules, outcome=outcome, advice=advice)


def moved(
    state: DisputeState, move: Move | str, actor: Actor = GUARDIAN, **how: Unpack[How]
) -> DisputeState:
    """The state after `step`."""
    new_state, _ = step(state, move, actor, **how)
    return new_state
