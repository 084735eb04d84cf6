"""What the scheduler finds due: approaching and missed deadlines, each with a stable key."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from samen_disputes.domain import (
    DEFAULT_SETTINGS,
    Action,
    DeadlineKind,
    DeadlineSettings,
    DisputeDeadlines,
    DisputeSubject,
    DueKind,
    Move,
    Stage,
    what_is_due,
)

from services.disputes.tests.disputes_factories import moved, opened

pytestmark = pytest.mark.unit

# A decision of 20 December 2024: the guardians' terms end with 31 January 2025,
# which is 23:00 UTC (midnight in Amsterdam).
DECIDED_ON = date(2024, 12, 20)
TERM_ENDS = datetime(2025, 1, 31, 23, tzinfo=UTC)


def opp_dispute(settings: DeadlineSettings = DEFAULT_SETTINGS) -> DisputeDeadlines:
    """A dispute about the OPP: only the committee request term runs."""
    state = opened(
        DisputeSubject.OPP, decided_on=DECIDED_ON, at=datetime(2024, 12, 23, 9, tzinfo=UTC)
    )
    return DisputeDeadlines(uuid4(), state, settings)


def after(dispute: DisputeDeadlines, move: Move, at: datetime) -> DisputeDeadlines:
    return replace(dispute, state=moved(dispute.state, move, at=at))


def test_nothing_is_due_more_than_seven_days_before_the_end() -> None:
    assert what_is_due(TERM_ENDS - timedelta(days=7, seconds=1), [opp_dispute()], 7) == []


def test_a_deadline_is_approaching_from_seven_days_before_its_end() -> None:
    dispute = opp_dispute()
    [item] = what_is_due(TERM_ENDS - timedelta(days=7), [dispute], 7)
    assert item.kind is DueKind.APPROACHING
    assert item.deadline.kind is DeadlineKind.COMMITTEE_REQUEST
    assert item.key == f"deadline_approaching:{dispute.dispute_id}:committee_request:2025-01-31"


def test_a_deadline_is_still_approaching_in_its_last_second() -> None:
    [item] = what_is_due(TERM_ENDS - timedelta(seconds=1), [opp_dispute()], 7)
    assert item.kind is DueKind.APPROACHING


def test_a_deadline_is_missed_from_the_end_of_its_day() -> None:
    dispute = opp_dispute()
    [item] = what_is_due(TERM_ENDS, [dispute], 7)
    assert item.kind is DueKind.MISSED
    assert item.key == f"deadline_missed:{dispute.dispute_id}:committee_request:2025-01-31"


def test_every_sweep_finds_the_same_key_so_the_event_is_emitted_once() -> None:
    dispute = opp_dispute()
    first = what_is_due(TERM_ENDS + timedelta(hours=1), [dispute], 7)
    later = what_is_due(TERM_ENDS + timedelta(days=3), [dispute], 7)
    assert [i.key for i in first] == [i.key for i in later]


def test_the_move_a_term_waits_for_closes_it() -> None:
    dispute = after(
        opp_dispute(), Move.enter(Stage.DISPUTES_COMMITTEE), datetime(2025, 1, 10, tzinfo=UTC)
    )
    kinds = {i.deadline.kind for i in what_is_due(TERM_ENDS, [dispute], 7)}
    assert DeadlineKind.COMMITTEE_REQUEST not in kinds


def test_an_ended_dispute_has_nothing_due() -> None:
    dispute = after(opp_dispute(), Move(Action.WITHDRAW), datetime(2025, 1, 10, tzinfo=UTC))
    assert what_is_due(TERM_ENDS + timedelta(days=30), [dispute], 7) == []


def test_each_dispute_is_swept_with_its_own_tenants_settings() -> None:
    usual, longer = opp_dispute(), opp_dispute(replace(DEFAULT_SETTINGS, committee_request_weeks=8))
    due = what_is_due(TERM_ENDS, [usual, longer], 7)
    assert [(i.dispute_id, i.kind) for i in due] == [(usual.dispute_id, DueKind.MISSED)]


def test_with_zero_approach_days_only_missed_deadlines_are_due() -> None:
    assert what_is_due(TERM_ENDS - timedelta(seconds=1), [opp_dispute()], 0) == []


def test_negative_approach_days_are_refused() -> None:
    with pytest.raises(ValueError):
        what_is_due(TERM_ENDS, [opp_dispute()], -1)


def test_keys_name_the_dispute_so_two_disputes_never_share_one() -> None:
    a, b = opp_dispute(), opp_dispute()
    keys = {i.key for i in what_is_due(TERM_ENDS, [a, b], 7)}
    assert len(keys) == 2


def test_the_event_id_is_derived_from_the_key_alone() -> None:
    dispute = opp_dispute()
    [first] = what_is_due(TERM_ENDS, [dispute], 7)
    [again] = what_is_due(TERM_ENDS + timedelta(days=2), [dispute], 7)
    assert first.event_id == again.event_id
    assert first.event_id != what_is_due(TERM_ENDS, [opp_dispute()], 7)[0].event_id


def test_items_already_emitted_are_left_out() -> None:
    dispute = opp_dispute()
    [item] = what_is_due(TERM_ENDS, [dispute], 7)
    assert what_is_due(TERM_ENDS, [dispute], 7, already_emitted={item.key}) == []


def test_items_come_in_the_order_they_became_due() -> None:
    earlier = opp_dispute()
    later = replace(opp_dispute(), settings=replace(DEFAULT_SETTINGS, committee_request_weeks=7))
    now = TERM_ENDS + timedelta(weeks=1)
    due = what_is_due(now, [later, earlier], 7)
    assert [(i.dispute_id, i.kind) for i in due] == [
        (earlier.dispute_id, DueKind.MISSED),
        (later.dispute_id, DueKind.MISSED),
    ]
    assert due[0].fires_at == TERM_ENDS
