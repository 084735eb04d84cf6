"""Where a dispute stands: what its events carry and its views show."""

from datetime import UTC, datetime, timedelta

import pytest
from samen_disputes.domain import (
    DEFAULT_RULES,
    DEFAULT_SETTINGS,
    DeadlineKind,
    DisputeSubject,
    Move,
    NoDeadlineReason,
    NoStatutoryDeadline,
    Stage,
    age_in_days,
    standing_of,
)

from services.disputes.tests.disputes_factories import T0, moved, opened

pytestmark = pytest.mark.unit


def test_the_stage_is_the_active_stage_entered_last() -> None:
    state = moved(
        moved(opened(), Move.enter(Stage.OBJECTION)), Move.enter(Stage.DISPUTES_COMMITTEE)
    )
    standing = standing_of(state, DEFAULT_RULES, DEFAULT_SETTINGS, T0)
    assert standing.stage is Stage.DISPUTES_COMMITTEE
    assert standing.stages == (Stage.OBJECTION, Stage.DISPUTES_COMMITTEE)
    assert standing.situation == "objection_and_committee"


def test_the_next_deadline_is_the_earliest_open_one_and_all_are_listed() -> None:
    standing = standing_of(opened(), DEFAULT_RULES, DEFAULT_SETTINGS, T0)
    kinds = {d.kind for d in standing.deadlines}
    assert kinds == {DeadlineKind.OBJECTION_FILING, DeadlineKind.COMMITTEE_REQUEST}
    assert standing.next_deadline in standing.deadlines


def test_with_the_consultant_and_no_decision_the_standing_says_no_statutory_term() -> None:
    state = moved(opened(decided_on=None), Move.enter(Stage.EDUCATION_CONSULTANT))
    standing = standing_of(state, DEFAULT_RULES, DEFAULT_SETTINGS, T0)
    assert standing.next_deadline == NoStatutoryDeadline(
        Stage.EDUCATION_CONSULTANT, NoDeadlineReason.EDUCATION_CONSULTANT
    )
    assert standing.deadlines == ()


def test_the_options_are_the_guardians_rights() -> None:
    standing = standing_of(opened(), DEFAULT_RULES, DEFAULT_SETTINGS, T0)
    assert standing.options == standing.rights.options


def test_age_counts_amsterdam_days_and_stops_when_the_dispute_ends() -> None:
    state = opened()
    assert age_in_days(state, T0 + timedelta(days=3, hours=12)) == 3
    ended = moved(state, Move.parse("withdraw"), at=T0 + timedelta(days=5))
    assert age_in_days(ended, T0 + timedelta(days=40)) == 5


def test_a_dispute_opened_late_in_the_evening_is_a_day_old_after_midnight_in_amsterdam() -> None:
    evening = datetime(2025, 3, 3, 22, 30, tzinfo=UTC)  # 23:30 in Amsterdam
    state = opened(DisputeSubject.OTHER, decided_on=None, at=evening)
    assert age_in_days(state, datetime(2025, 3, 3, 23, 30, tzinfo=UTC)) == 1
