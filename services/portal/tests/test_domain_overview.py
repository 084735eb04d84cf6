"""The overview's figures per school: on time or late, answer times, what is open."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from samen_portal.domain.overview import OverviewFact, overview
from samen_portal.entrypoints.charts import Bar, bar_chart

pytestmark = pytest.mark.unit

SCHOOL = uuid4()
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def fact(
    kind: str, ref: object, days: float = 0, due: date | None = None, **details: Any
) -> OverviewFact:
    at = T0 + timedelta(days=days)
    return OverviewFact(SCHOOL, kind, ref, at, due, details)  # type: ignore[arg-type]


def test_figures_count_on_time_late_and_open_per_school() -> None:
    opp_a, opp_b, opp_c = uuid4(), uuid4(), uuid4()
    ask_1, ask_2, dispute, absence = uuid4(), uuid4(), uuid4(), uuid4()
    facts = [
        fact("EvaluationHeld", opp_a, with_parents=True),
        fact("EvaluationOverdue", opp_b),
        fact("EvaluationHeld", opp_b, 3, with_parents=True),  # held, but late: counts as late
        fact("ActionPartSet", opp_c),
        fact("ConsentRequested", ask_1),
        fact("ConsentGiven", ask_1, 2),
        fact("ConsentRequested", ask_2),
        fact("ConsentRefused", ask_2, 4),
        fact("DisputeOpened", dispute),
        fact("ThuiszitterReported", absence),
        fact("AdmissionRequested", uuid4()),
    ]
    [figures] = overview(facts)
    assert figures.evaluations_on_time == 50
    assert figures.opps_on_time == 100
    assert figures.consent_answer_days == 3.0
    assert (figures.open_disputes, figures.thuiszitters, figures.admission_requests) == (1, 1, 1)

    closed = overview([*facts, fact("DisputeResolved", dispute), fact("AbsenceEnded", absence)])
    assert (closed[0].open_disputes, closed[0].thuiszitters) == (0, 0)


def test_an_evaluation_held_without_the_parents_is_not_on_time() -> None:
    with_parents, without = uuid4(), uuid4()
    [figures] = overview(
        [
            fact("EvaluationHeld", with_parents, with_parents=True),
            fact("EvaluationHeld", without, with_parents=False),
        ]
    )
    assert figures.evaluations_on_time == 50


def test_registrations_count_as_on_time_only_when_decided_within_the_term() -> None:
    facts = [
        fact("RegistrationDecided", uuid4(), in_time=True),
        fact("RegistrationDecided", uuid4(), in_time=True),
        fact("RegistrationDecided", uuid4(), in_time=False),
        fact("RegistrationDecided", uuid4(), in_time=True),
    ]
    [figures] = overview(facts)
    assert figures.registrations_on_time == 75


def test_a_disputes_term_is_the_one_its_latest_stage_set_and_a_closed_one_has_none() -> None:
    moved, other, closed = uuid4(), uuid4(), uuid4()
    facts = [
        fact("DisputeOpened", moved, 0, date(2026, 3, 10)),
        fact("DisputeStageChanged", moved, 5, date(2026, 4, 20)),  # the first term is past
        fact("DisputeOpened", other, 1, date(2026, 4, 1)),
        fact("DisputeOpened", closed, 2, date(2026, 3, 5)),
        fact("DisputeWithdrawn", closed, 3),
    ]
    [figures] = overview(facts)
    assert figures.open_disputes == 2
    assert figures.next_dispute_term == date(2026, 4, 1)
    [none_open] = overview([*facts, fact("DisputeResolved", moved), fact("DisputeDecided", other)])
    assert none_open.next_dispute_term is None


def test_a_school_where_nothing_happened_yet_is_counted_with_nothing() -> None:
    quiet = uuid4()
    found = overview([fact("DisputeOpened", uuid4())], schools=[quiet, SCHOOL])
    assert {f.school_id for f in found} == {quiet, SCHOOL}
    [figures] = [f for f in found if f.school_id == quiet]
    assert (figures.open_disputes, figures.evaluations_on_time) == (0, None)


def test_nothing_to_count_is_not_zero_percent() -> None:
    [figures] = overview([fact("DisputeOpened", uuid4())])
    assert figures.evaluations_on_time is None and figures.consent_answer_days is None
    assert figures.registrations_on_time is None


def test_the_chart_escapes_labels_and_hides_itself_from_screen_readers() -> None:
    svg = bar_chart([Bar("<School>", 40, "40%"), Bar("B", None, "niets")], maximum=100)
    assert 'aria-hidden="true"' in svg and "&lt;School&gt;" in svg and "<School>" not in svg
    assert svg.count("<rect") == 2
