"""The onderwijsconsulent (the consultants' conditions for taking a case): not while an
objection or the disputes committee runs; directly, without talks with the school first,
for a pupil at home longer than four weeks."""

from datetime import date, timedelta

import pytest
from samen_disputes.domain import (
    DEFAULT_RULES,
    DisputeState,
    DisputeSubject,
    IllegalMove,
    Move,
    OpeningNotAllowed,
    Role,
    Stage,
    allowed_moves,
)

from services.disputes.tests.disputes_factories import T0, moved, opened

pytestmark = pytest.mark.unit

CONSULTANT = Move.enter(Stage.EDUCATION_CONSULTANT)


def with_the_consultant_first(at_home_since: date | None) -> DisputeState:
    """A dispute about support the guardians open with the consultant, no decision yet."""
    return opened(
        DisputeSubject.SUPPORT_OR_ARRANGEMENT,
        decided_on=None,
        stage=Stage.EDUCATION_CONSULTANT,
        at_home_since=at_home_since,
    )


def test_guardians_may_ask_the_consultant_after_talks_with_the_school() -> None:
    state = opened()
    assert CONSULTANT in allowed_moves(state, Role.GUARDIAN, DEFAULT_RULES)


@pytest.mark.parametrize("procedure", [Stage.OBJECTION, Stage.DISPUTES_COMMITTEE])
def test_not_while_an_objection_or_the_committee_runs(procedure: Stage) -> None:
    state = moved(opened(), Move.enter(procedure))
    assert CONSULTANT not in allowed_moves(state, Role.GUARDIAN, DEFAULT_RULES)
    with pytest.raises(IllegalMove):
        moved(state, CONSULTANT)


def test_a_pupil_at_home_longer_than_four_weeks_may_go_to_the_consultant_directly() -> None:
    """A thuiszitter (at home longer than four weeks): the guardians may start with the
    onderwijsconsulent, without talks with the school first."""
    at_home_since = (T0 - timedelta(weeks=4, days=1)).date()
    state = with_the_consultant_first(at_home_since)
    assert state.stages == {Stage.EDUCATION_CONSULTANT}


@pytest.mark.parametrize("weeks_at_home", [None, 4])
def test_otherwise_the_consultant_comes_after_talks_with_the_school(
    weeks_at_home: int | None,
) -> None:
    at_home_since = None if weeks_at_home is None else (T0 - timedelta(weeks=4)).date()
    with pytest.raises(OpeningNotAllowed) as refused:
        with_the_consultant_first(at_home_since)
    assert Stage.EDUCATION_CONSULTANT not in refused.value.allowed
