"""The guardians' route after a removal depends on who runs the school: at a public
school an objection and the administrative court, at a private (bijzondere) school a
request for review and the civil court (Wpo art. 63 and art. 40; `SchoolKind`)."""

from datetime import UTC, date, datetime

import pytest
from samen_disputes.domain import (
    DEFAULT_RULES,
    DEFAULT_SETTINGS,
    Action,
    DecisionOutcome,
    DisputeState,
    Move,
    OptionKind,
    Stage,
    parent_rights,
)
from samen_disputes.domain.subjects import SchoolKind

from services.disputes.tests.disputes_factories import BOARD, moved, opened

pytestmark = pytest.mark.unit

OPENED_AT = datetime(2024, 12, 23, 9, tzinfo=UTC)
NOW = datetime(2025, 1, 6, 9, tzinfo=UTC)


def removal() -> DisputeState:
    return opened(decided_on=date(2024, 12, 20), at=OPENED_AT)


def option_text(state: DisputeState, kind: OptionKind, school: SchoolKind) -> str:
    found = parent_rights(state, DEFAULT_RULES, DEFAULT_SETTINGS, NOW, school_kind=school)
    [option] = [o for o in found.options if o.kind is kind]
    return option.text.nl


def decided() -> DisputeState:
    state = moved(removal(), Move.enter(Stage.OBJECTION), at=NOW)
    return moved(state, Move(Action.DECIDE), BOARD, outcome=DecisionOutcome.UPHELD)


def test_at_a_public_school_the_guardians_object_to_the_board() -> None:
    said = option_text(removal(), OptionKind.OBJECTION, SchoolKind.PUBLIC)
    assert said.startswith("Bezwaar maken bij het schoolbestuur")
    assert "31 januari 2025" in said


def test_at_a_private_school_they_ask_the_board_to_review_its_decision() -> None:
    said = option_text(removal(), OptionKind.OBJECTION, SchoolKind.PRIVATE)
    assert "verzoek om herziening" in said and "Bezwaar" not in said
    assert "31 januari 2025" in said  # the same six weeks


def test_after_the_boards_decision_a_private_school_leads_to_the_civil_court() -> None:
    assert "burgerlijke rechter" in option_text(decided(), OptionKind.COURT, SchoolKind.PRIVATE)
    assert "burgerlijke" not in option_text(decided(), OptionKind.COURT, SchoolKind.PUBLIC)


def test_after_the_boards_decision_a_public_school_leads_to_the_administrative_court() -> None:
    assert "bestuursrechter" in option_text(decided(), OptionKind.COURT, SchoolKind.PUBLIC)
    assert "bestuursrechter" not in option_text(decided(), OptionKind.COURT, SchoolKind.PRIVATE)
