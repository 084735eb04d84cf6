"""The OPP's timers and the with-parents rule of its evaluation."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest
from samen_plans.domain.errors import GuardianNotOfPupil, NoActionPartSet
from samen_plans.domain.evaluation import evaluated, held_with_parents
from samen_plans.domain.opp import Opp, OppStatus
from samen_plans.domain.timers import Timer, TimerKind, TimerState, timers_due

pytestmark = pytest.mark.unit

OPP = UUID("7b0c1a53-2f0e-4f2a-9a52-0d3f6b8f1c10")


def state(**changes: object) -> TimerState:
    values: dict[str, object] = {
        "tenant": "swv-a",
        "opp_id": OPP,
        "opp_due_on": date(2026, 10, 13),
        "first_set_on": None,
        "evaluation_due_on": None,
    }
    values.update(changes)
    return TimerState(**values)  # type: ignore[arg-type]


def kinds(found: list[Timer]) -> list[TimerKind]:
    return [t.kind for t in found]


def test_nothing_is_due_before_the_lead_time() -> None:
    assert timers_due(state(), date(2026, 9, 28)) == []


def test_opp_due_from_two_weeks_before_and_overdue_the_day_after() -> None:
    assert kinds(timers_due(state(), date(2026, 9, 29))) == [TimerKind.OPP_DUE]
    assert kinds(timers_due(state(), date(2026, 10, 13))) == [TimerKind.OPP_DUE]
    assert kinds(timers_due(state(), date(2026, 10, 14))) == [TimerKind.OPP_OVERDUE]


def test_what_was_reported_is_not_reported_again() -> None:
    assert timers_due(state(opp_reported=TimerKind.OPP_DUE), date(2026, 10, 1)) == []
    reported = state(opp_reported=TimerKind.OPP_DUE)
    assert kinds(timers_due(reported, date(2026, 10, 20))) == [TimerKind.OPP_OVERDUE]
    assert timers_due(state(opp_reported=TimerKind.OPP_OVERDUE), date(2026, 10, 20)) == []


def test_a_set_opp_has_no_opp_timer_but_its_evaluation_timer() -> None:
    set_opp = state(first_set_on=date(2026, 10, 1), evaluation_due_on=date(2027, 10, 1))
    assert timers_due(set_opp, date(2027, 9, 2)) == []
    assert kinds(timers_due(set_opp, date(2027, 9, 3))) == [TimerKind.EVALUATION_DUE]
    assert kinds(timers_due(set_opp, date(2027, 10, 2))) == [TimerKind.EVALUATION_OVERDUE]


def test_a_report_for_an_earlier_cycle_does_not_silence_the_next() -> None:
    next_cycle = state(
        first_set_on=date(2026, 10, 1),
        evaluation_due_on=date(2028, 9, 20),
        evaluation_reported=TimerKind.EVALUATION_OVERDUE,
        evaluation_reported_for=date(2027, 10, 1),
    )
    assert kinds(timers_due(next_cycle, date(2028, 9, 1))) == [TimerKind.EVALUATION_DUE]


def test_event_ids_derive_from_the_opp_and_its_due_date_only() -> None:
    one = Timer(TimerKind.OPP_DUE, "swv-a", OPP, date(2026, 10, 13))
    assert one.event_id == Timer(TimerKind.OPP_DUE, "swv-a", OPP, date(2026, 10, 13)).event_id
    assert one.event_id != Timer(TimerKind.OPP_DUE, "swv-b", OPP, date(2026, 10, 13)).event_id
    assert one.event_id != Timer(TimerKind.OPP_OVERDUE, "swv-a", OPP, date(2026, 10, 13)).event_id
    assert one.key == f"opp_due:swv-a:{OPP}:2026-10-13"


def test_an_evaluation_counts_with_the_parents_only_when_a_guardian_took_part_or_declined() -> None:
    mother, father = uuid4(), uuid4()
    assert held_with_parents([mother], [], [mother, father])
    assert held_with_parents([], [father], [mother, father])
    assert not held_with_parents([], [], [mother, father])
    with pytest.raises(GuardianNotOfPupil):
        held_with_parents([uuid4()], [], [mother])


def test_only_an_evaluation_with_the_parents_starts_the_next_cycle() -> None:
    opp = Opp(OppStatus.SET, 1, None, 1, date(2026, 10, 1), date(2027, 10, 1))
    assert evaluated(opp, date(2027, 9, 15), False, date(2027, 9, 20)) == opp
    after = evaluated(opp, date(2027, 9, 15), True, date(2027, 9, 20))
    assert after.evaluation_due_on == date(2028, 9, 15)
    with pytest.raises(NoActionPartSet):
        evaluated(Opp(), date(2027, 9, 15), True, date(2027, 9, 20))
