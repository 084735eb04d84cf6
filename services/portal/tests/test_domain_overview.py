"""The overview's figures per school: on time or late, answer times, what is open."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from samen_portal.domain.overview import OverviewFact, overview
from samen_portal.entrypoints.charts import Bar, bar_chart

pytestmark = pytest.mark.unit

SCHOOL = uuid4()
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def fact(kind: str, ref: object, days: float = 0) -> OverviewFact:
    return OverviewFact(SCHOOL, kind, ref, T0 + timedelta(days=days))  # type: ignore[arg-type]


def test_figures_count_on_time_late_and_open_per_school() -> None:
    opp_a, opp_b, opp_c = uuid4(), uuid4(), uuid4()
    ask_1, ask_2, dispute, absence = uuid4(), uuid4(), uuid4(), uuid4()
    facts = [
        fact("EvaluationHeld", opp_a),
        fact("EvaluationOverdue", opp_b),
        fact("EvaluationHeld", opp_b, 3),  # held, but late: counts as late
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


def test_nothing_to_count_is_not_zero_percent() -> None:
    [figures] = overview([fact("DisputeOpened", uuid4())])
    assert figures.evaluations_on_time is None and figures.consent_answer_days is None


def test_the_chart_escapes_labels_and_hides_itself_from_screen_readers() -> None:
    svg = bar_chart([Bar("<School>", 40, "40%"), Bar("B", None, "niets")], maximum=100)
    assert 'aria-hidden="true"' in svg and "&lt;School&gt;" in svg and "<School>" not in svg
    assert svg.count("<rect") == 2
