"""OPP evaluations with the parents per school: on time, late or missing. From the plans
service's facts, which own the OPP's cycle since it moved out of meetings.

A cycle is an OPP with the last day its evaluation is on time: `ActionPartSet`'s
`evaluation_due_on` (the first cycle), `EvaluationHeld`'s `next_due_on`, or the
`due_on` of `EvaluationDue` / `EvaluationOverdue`. An evaluation counts only when held
with the parents (`EvaluationHeld` with `with_parents` true). Each OPP's evaluations are
matched to its cycles in date order: held on or before the due day is on time, after it
late; a cycle whose day has passed with none is missing. A cycle still running counts
nowhere yet.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from samen_audit.domain.entry_view import EntryView

ACTION_PART_SET = "samen.plans.ActionPartSet.v1"
EVALUATION_DUE = "samen.plans.EvaluationDue.v1"
EVALUATION_OVERDUE = "samen.plans.EvaluationOverdue.v1"
EVALUATION_HELD = "samen.plans.EvaluationHeld.v1"
UNKNOWN_SCHOOL = ""
ON_TIME, LATE, MISSING = 0, 1, 2


@dataclass(frozen=True)
class Tally:
    """Per school: done by the last day, after it, or not at all once it has passed."""

    school: str
    on_time: int = 0
    late: int = 0
    missing: int = 0

    @property
    def counted(self) -> int:
        return self.on_time + self.late + self.missing

    def percentage(self, part: int) -> float | None:
        """``part`` of the counted ones, in percent with one decimal; None for none."""
        return round(100 * part / self.counted, 1) if self.counted else None


@dataclass(frozen=True)
class SchoolEvaluations(Tally):
    """OPP evaluations with the parents, per school."""


@dataclass(frozen=True)
class _Cycle:
    opp_id: str
    due_on: date
    school: str


def evaluations_per_school(views: Iterable[EntryView], as_of: date) -> list[SchoolEvaluations]:
    cycles: dict[str, dict[date, str]] = defaultdict(dict)
    held: dict[str, list[date]] = defaultdict(list)
    for view in views:
        cycle = _cycle_of(view)
        if cycle is not None:
            cycles[cycle.opp_id].setdefault(cycle.due_on, cycle.school)
        opp_id, held_on = view.text("opp_id"), view.day("held_on")
        if _with_parents(view) and opp_id and held_on:
            held[opp_id].append(held_on)
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for opp_id, due_days in cycles.items():
        for school, outcome in _outcomes(due_days, sorted(held.get(opp_id, [])), as_of):
            tallies[school][outcome] += 1
    return [SchoolEvaluations(school, *tally) for school, tally in sorted(tallies.items())]


def _with_parents(view: EntryView) -> bool:
    return view.event_type == EVALUATION_HELD and view.data.get("with_parents") is True


def _cycle_of(view: EntryView) -> _Cycle | None:
    school = view.school or UNKNOWN_SCHOOL
    if view.event_type == ACTION_PART_SET:
        due_on = view.day("evaluation_due_on")
    elif _with_parents(view):
        due_on = view.day("next_due_on")
    elif view.event_type in (EVALUATION_DUE, EVALUATION_OVERDUE):
        due_on = view.day("due_on")
    else:
        return None
    opp_id = view.text("opp_id")
    return _Cycle(opp_id, due_on, school) if opp_id and due_on else None


def _outcomes(
    due_days: dict[date, str], held_days: list[date], as_of: date
) -> list[tuple[str, int]]:
    """(school, outcome) per cycle that has an outcome by ``as_of``."""
    outcomes: list[tuple[str, int]] = []
    remaining = iter(held_days)
    for due_on in sorted(due_days):
        held_on = next(remaining, None)
        if held_on is not None:
            outcomes.append((due_days[due_on], ON_TIME if held_on <= due_on else LATE))
        elif due_on < as_of:
            outcomes.append((due_days[due_on], MISSING))
    return outcomes
