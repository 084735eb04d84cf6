"""How both sides see a correction request: the guardian a phrase for waiting, late,
corrected or refused (with the school's reason); the school the term, marked late
once it has passed, on the pupil page and on *Te doen*."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from samen_contract.events.portal import CorrectionOutcome
from samen_portal.adapters.corrections import CorrectionRow
from samen_portal.adapters.readmodel import WorkRow
from samen_portal.domain.worklist import ItemKind
from samen_portal.entrypoints.correction_views import correction_views
from samen_portal.entrypoints.presenting import items
from samen_portal.parents.correction_lines import correction_lines

pytestmark = pytest.mark.unit

DUE = date(2026, 4, 10)
WAITING = CorrectionRow(
    request_id=uuid4(),
    tenant="swv-test",
    pupil_id=uuid4(),
    school_id=uuid4(),
    guardian_id=uuid4(),
    area="plans",
    explanation="Het klopt niet.",
    requested_at=datetime(2026, 3, 10, 8, tzinfo=UTC),
    answer_by=DUE,
    outcome=None,
    reason=None,
    answered_at=None,
)
REFUSED = replace(
    WAITING,
    outcome=CorrectionOutcome.REFUSED,
    reason="Zo staat het in de inschrijving.",
    answered_at=datetime(2026, 4, 20, 8, tzinfo=UTC),
)


def test_a_guardian_sees_waiting_until_the_term_then_late() -> None:
    [before] = correction_lines([WAITING], DUE)
    [after] = correction_lines([WAITING], date(2026, 4, 11))

    assert before.state_phrase == "ui_correction_waiting"
    assert after.state_phrase == "ui_correction_late"
    assert (before.area_phrase, before.asked_on, before.answer_by) == (
        "src_plans",
        date(2026, 3, 10),
        DUE,
    )


def test_a_guardian_whose_request_was_refused_sees_the_schools_reason() -> None:
    [line] = correction_lines([REFUSED], date(2026, 5, 1))

    assert line.state_phrase == "ui_correction_refused"
    assert line.reason == "Zo staat het in de inschrijving."


def test_the_school_sees_the_text_and_the_term_marked_late_only_while_unanswered() -> None:
    [late, answered] = correction_views([WAITING, REFUSED], date(2026, 4, 11))

    assert (late.area, late.answer_by, late.overdue) == (
        "Ontwikkelingsperspectief (OPP)",
        "10-04-2026",
        True,
    )
    assert late.explanation == "Het klopt niet." and late.outcome is None
    assert answered.overdue is False and answered.outcome == "Niet verbeterd"


def test_an_item_past_its_last_day_is_late_on_the_worklist() -> None:
    row = WorkRow(uuid4(), uuid4(), ItemKind.CORRECTION_REQUEST, "r", DUE, WAITING.requested_at)

    [on_time] = items([row], today=DUE)
    [late] = items([row], today=date(2026, 4, 11))

    assert on_time.text == "Ouder vraagt om een correctie"
    assert not on_time.overdue and late.overdue
