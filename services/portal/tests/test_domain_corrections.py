"""The correction request's rules (AVG art. 16): what a guardian may ask and the school
may answer, the one-month term to answer (AVG art. 12(3)), when it is overdue, and how
the request opens and its answer closes an item on the school's worklist."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from samen_contract import Envelope
from samen_contract.events.portal import CorrectionAnswered, CorrectionOutcome, CorrectionRequested
from samen_portal.domain.corrections import (
    AREAS,
    EXPLANATION_MAX,
    CorrectionInvalid,
    answer_by,
    answered,
    asked,
    is_overdue,
    one_month_after,
)
from samen_portal.domain.facts import PupilFact, pupil_fact
from samen_portal.domain.worklist import Close, ItemKind, Open, changes

pytestmark = pytest.mark.unit


def test_a_month_runs_to_the_same_date_in_the_next_month() -> None:
    assert one_month_after(date(2026, 3, 10)) == date(2026, 4, 10)
    assert one_month_after(date(2026, 12, 15)) == date(2027, 1, 15)


def test_a_month_from_a_date_the_next_month_lacks_ends_on_its_last_day() -> None:
    assert one_month_after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert one_month_after(date(2028, 1, 31)) == date(2028, 2, 29)
    assert one_month_after(date(2026, 3, 31)) == date(2026, 4, 30)


def test_the_answer_is_due_one_month_after_the_request_on_a_working_day() -> None:
    assert answer_by(date(2026, 3, 10)) == date(2026, 4, 10)  # a Friday
    assert answer_by(date(2026, 2, 14)) == date(2026, 3, 16)  # the 14th is a Saturday
    assert answer_by(date(2026, 3, 27)) == date(2026, 4, 28)  # 27 April: King's Day


def test_a_request_is_overdue_only_after_its_last_day_and_while_unanswered() -> None:
    due = date(2026, 4, 10)
    assert not is_overdue(due, date(2026, 4, 10), answered=False)
    assert is_overdue(due, date(2026, 4, 11), answered=False)
    assert not is_overdue(due, date(2026, 5, 1), answered=True)


def test_a_guardian_who_picks_an_area_and_explains_gets_a_request() -> None:
    found = asked("plans", "  De geboortedatum in het OPP klopt niet.  ")
    assert found.area == "plans"
    assert found.explanation == "De geboortedatum in het OPP klopt niet."


@pytest.mark.parametrize("area", [None, "", "audit", "PLANS"])
def test_a_guardian_who_picks_no_area_from_the_list_gets_an_error_about_the_area(
    area: str | None,
) -> None:
    with pytest.raises(CorrectionInvalid) as error:
        asked(area, "Het klopt niet.")
    assert error.value.field == "area"


@pytest.mark.parametrize("text", [None, "", "   ", "x" * (EXPLANATION_MAX + 1)])
def test_a_guardian_without_a_usable_explanation_gets_an_error_about_it(
    text: str | None,
) -> None:
    with pytest.raises(CorrectionInvalid) as error:
        asked("consent", text)
    assert error.value.field == "explanation"


def test_the_guardians_own_details_are_an_area_beside_every_owning_service() -> None:
    assert set(AREAS) == {
        "consent",
        "meetings",
        "plans",
        "admissions",
        "disputes",
        "notifications",
        "guardian",
    }


def test_a_school_that_corrects_needs_no_reason_but_a_refusal_does() -> None:
    assert answered("corrected", "") == answered("corrected", None)
    assert answered("corrected", None).outcome is CorrectionOutcome.CORRECTED
    refused = answered("refused", " Het staat zo in de inschrijving. ")
    assert refused.reason == "Het staat zo in de inschrijving."
    with pytest.raises(CorrectionInvalid) as error:
        answered("refused", "  ")
    assert error.value.field == "reason"


@pytest.mark.parametrize("outcome", [None, "", "maybe"])
def test_an_answer_without_a_known_outcome_is_refused(outcome: str | None) -> None:
    with pytest.raises(CorrectionInvalid) as error:
        answered(outcome, "reden")
    assert error.value.field == "outcome"


def _fact(event: CorrectionRequested | CorrectionAnswered) -> PupilFact:
    envelope = Envelope.for_event(
        event,
        tenant="swv-test",
        subject=str(event.pupil_id),
        actor="system:test",
        sequence=1,
        time=datetime(2026, 3, 10, 9, tzinfo=UTC),
    )
    found = pupil_fact(envelope, event)
    assert found is not None
    return found


def test_a_request_opens_a_worklist_item_due_on_its_term_and_the_answer_closes_it() -> None:
    request, pupil, school, guardian = uuid4(), uuid4(), uuid4(), uuid4()
    ids = {"request_id": request, "pupil_id": pupil, "school_id": school, "guardian_id": guardian}
    requested = CorrectionRequested(**ids, area="plans", answer_by=date(2026, 4, 10))
    done = CorrectionAnswered(**ids, area="plans", outcome=CorrectionOutcome.REFUSED)

    opened, closed = _fact(requested), _fact(done)

    assert opened.details["area"] == "plans"
    assert changes(opened) == [Open(ItemKind.CORRECTION_REQUEST, str(request), date(2026, 4, 10))]
    assert changes(closed) == [Close((ItemKind.CORRECTION_REQUEST,), str(request))]
