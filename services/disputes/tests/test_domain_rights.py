"""What guardians are told they can do next, and by when: Dutch first, English beside."""

from datetime import UTC, date, datetime
from functools import partial

import pytest
from samen_disputes.domain import (
    DEFAULT_RULES,
    DEFAULT_SETTINGS,
    EDUCATION_CONSULTANTS_CONTACT,
    Action,
    CommitteeAdvice,
    DeadlineKind,
    DecisionOutcome,
    DisputeState,
    DisputeSubject,
    Move,
    NoStatutoryDeadline,
    OptionKind,
    ParentRights,
    Role,
    Stage,
    allowed_moves,
    parent_rights,
)

from services.disputes.tests import disputes_factories
from services.disputes.tests.disputes_factories import BOARD, GUARDIAN, IB, moved

pytestmark = pytest.mark.unit

OPENED_AT = datetime(2024, 12, 23, 9, tzinfo=UTC)
BEFORE_THE_TERM_ENDS = datetime(2025, 1, 6, 9, tzinfo=UTC)
AFTER_THE_TERM_ENDS = datetime(2025, 2, 3, 9, tzinfo=UTC)
# A decision of 20 December 2024: its terms end with January, around the dates above.
opened = partial(disputes_factories.opened, decided_on=date(2024, 12, 20), at=OPENED_AT)


def rights(state: DisputeState, now: datetime = BEFORE_THE_TERM_ENDS) -> ParentRights:
    return parent_rights(state, DEFAULT_RULES, DEFAULT_SETTINGS, now)


def kinds(found: ParentRights) -> list[OptionKind]:
    return [o.kind for o in found.options]


def test_in_talks_about_a_removal_the_guardians_may_object_until_the_term_ends() -> None:
    [objection] = [o for o in rights(opened()).options if o.kind is OptionKind.OBJECTION]
    assert objection.move == Move.enter(Stage.OBJECTION)
    assert objection.deadline is not None
    assert objection.deadline.kind is DeadlineKind.OBJECTION_FILING
    assert not objection.term_passed
    assert objection.text.nl == (
        "Bezwaar maken bij het schoolbestuur. Dat kan tot en met 31 januari 2025."
    )
    assert objection.text.en.endswith("until 31 January 2025.")
    assert ("date", "2025-01-31") in objection.text.params


def test_free_independent_advice_from_the_onderwijsconsulenten_is_offered() -> None:
    [advice] = [o for o in rights(opened()).options if o.kind is OptionKind.EDUCATION_CONSULTANT]
    assert advice.free_and_independent
    assert advice.contact == EDUCATION_CONSULTANTS_CONTACT
    assert "gratis" in advice.text.nl.lower() and EDUCATION_CONSULTANTS_CONTACT in advice.text.nl


def test_no_consultant_is_offered_while_a_legal_procedure_runs() -> None:
    """The onderwijsconsulenten do not take a case while an objection or the disputes
    committee runs (their conditions for taking a case): the guardians are not sent
    there, and the move is not possible."""
    found = rights(moved(opened(), Move.enter(Stage.OBJECTION)))
    assert OptionKind.EDUCATION_CONSULTANT not in kinds(found)
    committee = rights(moved(opened(DisputeSubject.OPP), Move.enter(Stage.DISPUTES_COMMITTEE)))
    assert OptionKind.EDUCATION_CONSULTANT not in kinds(committee)


def test_a_passed_term_is_marked_and_the_guardians_are_told_to_explain_why() -> None:
    [objection] = [
        o for o in rights(opened(), AFTER_THE_TERM_ENDS).options if o.kind is OptionKind.OBJECTION
    ]
    assert objection.term_passed
    assert "Die datum is voorbij." in objection.text.nl


def test_the_options_are_the_guardians_own_moves() -> None:
    state = opened()
    moves = [o.move for o in rights(state).options if o.move is not None]
    assert moves == allowed_moves(state, Role.GUARDIAN, DEFAULT_RULES)


def test_guardians_are_not_offered_to_withdraw_a_dispute_the_school_opened() -> None:
    assert OptionKind.WITHDRAW not in kinds(rights(opened(by=IB)))
    assert OptionKind.WITHDRAW in kinds(rights(opened(by=GUARDIAN)))


def test_with_the_consultant_the_guardians_learn_there_is_no_statutory_deadline() -> None:
    state = moved(
        opened(DisputeSubject.OTHER, decided_on=None), Move.enter(Stage.EDUCATION_CONSULTANT)
    )
    found = rights(state)
    assert found.situation == "education_consultant"
    assert isinstance(found.next_deadline, NoStatutoryDeadline)
    assert OptionKind.EDUCATION_CONSULTANT not in kinds(found)


def test_with_an_objection_and_the_committee_the_guardians_learn_the_board_waits() -> None:
    state = moved(
        moved(opened(), Move.enter(Stage.OBJECTION)), Move.enter(Stage.DISPUTES_COMMITTEE)
    )
    # The board's defence term runs once the committee has asked for it.
    state = moved(state, Move(Action.REQUEST_DEFENCE), BOARD)
    found = rights(state)
    assert found.situation == "objection_and_committee"
    assert "wacht op het oordeel" in found.where_you_stand.nl
    assert [w.deadline.kind for w in found.waiting_for] == [
        DeadlineKind.COMMITTEE_DEFENCE,
        DeadlineKind.COMMITTEE_PROCEDURE,
    ]
    assert found.waiting_for[0].text.nl == (
        "Het schoolbestuur stuurt zijn reactie uiterlijk op 9 januari 2025 naar de commissie."
    )


def test_an_overdue_board_is_marked_and_the_guardians_are_told_whom_to_ask() -> None:
    state = moved(opened(), Move.enter(Stage.OBJECTION))
    [waiting] = rights(state, datetime(2025, 3, 10, tzinfo=UTC)).waiting_for
    assert waiting.deadline.kind is DeadlineKind.OBJECTION_DECISION
    assert waiting.overdue
    assert "Vraag het schoolbestuur" in waiting.text.nl


def test_after_the_boards_decision_the_guardians_hear_they_can_go_to_court() -> None:
    state = moved(opened(), Move.enter(Stage.OBJECTION))
    state = moved(state, Move(Action.DECIDE), BOARD, outcome=DecisionOutcome.UPHELD)
    found = rights(state)
    assert found.situation == "decided"
    assert kinds(found) == [OptionKind.EDUCATION_CONSULTANT, OptionKind.COURT]
    assert found.next_deadline is None and found.waiting_for == ()


def test_after_the_advice_the_guardians_learn_the_board_must_answer_it() -> None:
    state = moved(opened(DisputeSubject.OPP), Move.enter(Stage.DISPUTES_COMMITTEE))
    state = moved(state, Move(Action.RECORD_ADVICE), BOARD, advice=CommitteeAdvice.WELL_FOUNDED)
    found = rights(state)
    assert found.situation == "disputes_committee_advised"
    assert [w.deadline.kind for w in found.waiting_for] == [DeadlineKind.BOARD_RESPONSE_TO_ADVICE]


@pytest.mark.parametrize(
    "state",
    [
        opened(),
        opened(DisputeSubject.OTHER, decided_on=None),
        moved(opened(), Move.enter(Stage.MEDIATION)),
        moved(opened(), Move.enter(Stage.OBJECTION)),
        moved(opened(), Move(Action.RESOLVE)),
        moved(opened(), Move(Action.WITHDRAW)),
    ],
)
def test_every_text_is_filled_in_both_languages(state: DisputeState) -> None:
    found = rights(state, AFTER_THE_TERM_ENDS)
    texts = [
        found.where_you_stand,
        *(o.text for o in found.options),
        *(w.text for w in found.waiting_for),
    ]
    for text in texts:
        assert text.nl and text.en and text.key.startswith("dispute.")
        assert "{" not in text.nl + text.en
