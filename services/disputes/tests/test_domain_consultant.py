"""The onderwijsconsulent (the consultants' conditions for taking a case): not while an
objection or the disputes committee runs; directly, without talks with the school first,
for a pupil at home longer than four weeks."""

from datetime import UTC, date, datetime, timedelta

import pytest
from samen_disputes.domain import (
    DEFAULT_RULES,
    Actor,
    DisputeState,
    DisputeSubject,
    IllegalMove,
    Move,
    OpeningNotAllowed,
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


def test_a_pupil_at_home_longer_than_four_weeks_may_go_to_the_consultant_directly() -> None:
    """A thuiszitter (at home longer than four weeks): the guardians may start with the
    onderwijsconsulent, without talks with the school first."""
    at_home_since = (T0 - timedelta(weeks=4, days=1)).date()
    state = open_dispute(
        DisputeSubject.SUPPORT_OR_ARRANGEMENT,
        GUARDIAN,
        None,
        T0,
        rules=DEFAULT_RULES,
        stage=Stage.EDUCATION_CONSULTANT,
        at_home_since=at_home_since,
    )
    assert state.stages == {Stage.EDUCATION_CONSULTANT}


@pytest.mark.parametrize("weeks_at_home", [None, 4])
def test_otherwise_the_consultant_comes_after_talks_with_the_school(
    weeks_at_home: int | None,
) -> None:
    at_home_since = None if weeks_at_home is None else (T0 - timedelta(weeks=4)).date()
    with pytest.raises(OpeningNotAllowed) as refused:
        open_dispute(
            DisputeSubject.SUPPORT_OR_ARRANGEMENT,
            GUARDIAN,
            None,
            T0,
            rules=DEFAULT_RULES,
            stage=Stage.EDUCATION_CONSULTANT,
            at_home_since=at_home_since,
        )
    assert Stage.EDUCATION_CONSULTANT not in refused.value.allowed
