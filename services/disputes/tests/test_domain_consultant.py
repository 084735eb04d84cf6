"""The onderwijsconsulent and a legal procedure: the consultant does not take a case while
an objection or the disputes committee runs (the consultants' conditions for taking a
case), so the guardians cannot move there then; before and after they can."""

from datetime import UTC, date, datetime, timedelta

import pytest
from samen_disputes.domain import (
    DEFAULT_RULES,
    Actor,
    DisputeState,
    DisputeSubject,
    IllegalMove,
    Move,
    Role,
    Stage,
    allowed_moves,
    apply,
    open_dispute,
)

pytestmark = pytest.mark.unit

GUARDIAN = Actor(Role.GUARDIAN, "guardian-1")
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
CONSULTANT = Move.enter(Stage.EDUCATION_CONSULTANT)


def opened() -> DisputeState:
    return open_dispute(DisputeSubject.REMOVAL, GUARDIAN, date(2025, 3, 1), T0, rules=DEFAULT_RULES)


def test_guardians_may_ask_the_consultant_after_talks_with_the_school() -> None:
    state = opened()
    assert CONSULTANT in allowed_moves(state, Role.GUARDIAN, DEFAULT_RULES)


@pytest.mark.parametrize("procedure", [Stage.OBJECTION, Stage.DISPUTES_COMMITTEE])
def test_not_while_an_objection_or_the_committee_runs(procedure: Stage) -> None:
    state, _ = apply(
        opened(), Move.enter(procedure), GUARDIAN, T0 + timedelta(days=1), rules=DEFAULT_RULES
    )
    assert CONSULTANT not in allowed_moves(state, Role.GUARDIAN, DEFAULT_RULES)
    with pytest.raises(IllegalMove):
        apply(state, CONSULTANT, GUARDIAN, T0 + timedelta(days=2), rules=DEFAULT_RULES)
