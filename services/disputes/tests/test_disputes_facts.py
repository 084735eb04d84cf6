"""The events built from the domain's transitions: ids, codes and dates, never free text."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest
from samen_contract import Event
from samen_contract.events.disputes import (
    DisputeDeadlineMissed,
    DisputeDecided,
    DisputeOpened,
    DisputeStageChanged,
    DisputeWithdrawn,
)
from samen_disputes.adapters.state_rows import state_of, write_state
from samen_disputes.adapters.tables import DisputeRow
from samen_disputes.domain import (
    DEFAULT_RULES,
    DEFAULT_SETTINGS,
    CommitteeAdvice,
    DecisionOutcome,
    DisputeState,
    DisputeSubject,
    SchoolKind,
    Stage,
    Transition,
    standing_of,
    what_is_due,
)
from samen_disputes.domain.due import DisputeDeadlines
from samen_disputes.handlers import facts

from services.disputes.tests.disputes_factories import BOARD, GUARDIAN, T0, opened, step

pytestmark = pytest.mark.unit

REASONS = "Het bestuur wijkt af omdat de klas te vol is."


def row_for(state: DisputeState, subject: DisputeSubject = DisputeSubject.REMOVAL) -> DisputeRow:
    row = DisputeRow(
        id=uuid4(),
        tenant="swv-test",
        school_id=uuid4(),
        board_id="board-1",
        pupil_id=uuid4(),
        subject=str(subject),
        opened_by=str(state.opened_by),
        opener_actor=str(GUARDIAN),
        description="Vrije tekst die hier blijft",
        decision_date=state.decision_date,
        opp_id=None,
        opened_at=state.opened_at,
        last_moved_at=state.last_moved_at,
        tracks=[],
    )
    write_state(row, state)
    return row


def after_move(state: DisputeState, transition: Transition) -> Event:
    """The event of the move that led to `state`, at a public school."""
    standing = standing_of(state, DEFAULT_RULES, DEFAULT_SETTINGS, T0)
    return facts.after_move(row_for(state), transition, standing, SchoolKind.PUBLIC)


def test_an_opening_carries_the_stage_and_the_next_deadline_kind_and_date() -> None:
    state = opened()
    standing = standing_of(state, DEFAULT_RULES, DEFAULT_SETTINGS, T0)
    event = facts.opened(row_for(state), standing, SchoolKind.PUBLIC)
    assert isinstance(event, DisputeOpened)
    assert (event.stage, event.stages, event.situation) == (
        "conversation",
        ("conversation",),
        "conversation",
    )
    assert event.next_deadline_kind == "objection_filing"
    assert event.next_deadline_party == "guardians"
    assert event.next_deadline_date == date(2025, 4, 14)  # 12 April is a Saturday
    assert event.no_deadline_reason is None
    assert {o.kind for o in event.guardian_options} >= {"objection", "disputes_committee"}
    assert event.school_kind == "public"


def test_the_facts_name_the_school_kind_so_messages_can_name_the_route() -> None:
    """At a private school the guardians ask for a review, not object; their e-mail must
    say so, and only the fact can tell the notifications service."""
    state = opened()
    standing = standing_of(
        state, DEFAULT_RULES, DEFAULT_SETTINGS, T0, school_kind=SchoolKind.PRIVATE
    )
    event = facts.opened(row_for(state), standing, SchoolKind.PRIVATE)
    assert event.school_kind == "private"
    moved, transition = step(state, "enter:objection")
    standing = standing_of(
        moved, DEFAULT_RULES, DEFAULT_SETTINGS, T0, school_kind=SchoolKind.PRIVATE
    )
    changed = facts.after_move(row_for(moved), transition, standing, SchoolKind.PRIVATE)
    assert isinstance(changed, DisputeStageChanged)
    assert (changed.stage, changed.school_kind) == ("objection", "private")


def test_a_stage_without_a_statutory_term_says_so_instead_of_a_date() -> None:
    state, transition = step(opened(decided_on=None), "enter:education_consultant")
    event = after_move(state, transition)
    assert isinstance(event, DisputeStageChanged)
    assert event.entered_stage == "education_consultant"
    assert event.next_deadline_kind is None and event.next_deadline_date is None
    assert event.no_deadline_reason == "education_consultant"


def test_the_advice_travels_as_a_stage_change_without_a_change_of_stage() -> None:
    state, _ = step(opened(), "enter:disputes_committee")
    state, transition = step(state, "record_advice", BOARD, advice=CommitteeAdvice.UNFOUNDED)
    event = after_move(state, transition)
    assert isinstance(event, DisputeStageChanged)
    assert (event.move, event.advice) == ("record_advice", "unfounded")
    assert event.stages_before == event.stages_after == ("disputes_committee",)
    assert event.next_deadline_kind == "board_response_to_advice"
    assert event.moved_by == "staff"


def test_a_departing_decision_names_the_advice_and_not_the_reasons() -> None:
    state, _ = step(opened(), "enter:disputes_committee")
    advised, _ = step(state, "record_advice", BOARD, advice=CommitteeAdvice.WELL_FOUNDED)
    decided, transition = step(
        advised, "decide", BOARD, outcome=DecisionOutcome.UPHELD, reason=REASONS
    )
    standing = standing_of(decided, DEFAULT_RULES, DEFAULT_SETTINGS, T0)
    event = facts.after_move(
        row_for(decided), transition, standing, SchoolKind.PUBLIC, CommitteeAdvice.WELL_FOUNDED
    )
    assert isinstance(event, DisputeDecided)
    assert (event.outcome, event.advice, event.departs_from_advice) == (
        "upheld",
        "well_founded",
        True,
    )
    assert "court" in {o.kind for o in event.guardian_options}
    assert "klas" not in event.model_dump_json()


def test_a_withdrawal_names_the_side_that_withdrew() -> None:
    state, transition = step(opened(), "withdraw")
    event = after_move(state, transition)
    assert isinstance(event, DisputeWithdrawn)
    assert event.withdrawn_by == "guardian"
    assert event.stages_before == ("conversation",)


def test_a_missed_deadline_names_its_kind_party_and_date() -> None:
    state = opened()
    row = row_for(state)
    later = T0 + timedelta(weeks=8)
    [item, *_] = what_is_due(later, [DisputeDeadlines(row.id, state, DEFAULT_SETTINGS)], 7)
    event = facts.due(row, item)
    assert isinstance(event, DisputeDeadlineMissed)
    assert event.party == "guardians"
    assert event.due_date == item.deadline.due_date


def test_a_state_survives_the_round_trip_through_its_row() -> None:
    state, _ = step(opened(), "enter:objection")
    state, _ = step(state, "enter:disputes_committee")
    state, _ = step(state, "record_defence", BOARD)
    state, _ = step(state, "record_advice", BOARD, advice=CommitteeAdvice.PARTLY_WELL_FOUNDED)
    assert state_of(row_for(state)) == state
    assert state.track(Stage.DISPUTES_COMMITTEE) is not None
