"""OPP evaluations per school: on time, late or missing.

A cycle is an OPP with the last day its evaluation is on time (from
`OppRegistered`, `EvaluationDue` or `EvaluationOverdue` of kind `opp`). An
evaluation is a `MeetingRecorded` that names the OPP it evaluated. Each OPP's
evaluations are matched to its cycles in date order: held on or before the due
day is on time, after it late; a cycle whose day has passed with none is missing.
A cycle still running counts nowhere yet.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from samen_audit.domain.entry_view import EntryView

OPP_REGISTERED = "samen.meetings.OppRegistered.v1"
EVALUATION_DUE = "samen.meetings.EvaluationDue.v1"
EVALUATION_OVERDUE = "samen.meetings.EvaluationOverdue.v1"
MEETING_RECORDED = "samen.meetings.MeetingRecorded.v1"
UNKNOWN_SCHOOL = ""


@dataclass(frozen=True)
class SchoolEvaluations:
    school: str
    on_time: int = 0
    late: int = 0
    missing: int = 0

    @property
    def counted(self) -> int:
        return self.on_time + self.late + self.missing

    def percentage(self, part: int) -> float | None:
        """``part`` of the counted cycles, in percent with one decimal; None for none."""
        return round(100 * part / self.counted, 1) if self.counted else None


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
        evaluated, held_on = view.text("evaluated_opp_id"), view.day("held_on")
        if view.event_type == MEETING_RECORDED and evaluated and held_on:
            held[evaluated].append(held_on)
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for opp_id, due_days in cycles.items():
        for school, outcome in _outcomes(due_days, sorted(held.get(opp_id, [])), as_of):
            tallies[school][outcome] += 1
    return [SchoolEvaluations(school, *tally) for school, tally in sorted(tallies.items())]


def _cycle_of(view: EntryView) -> _Cycle | None:
    school = view.school or UNKNOWN_SCHOOL
    if view.event_type == OPP_REGISTERED:
        opp_id, due_on = view.text("opp_id"), view.day("evaluation_due_on")
    elif view.event_type in (EVALUATION_DUE, EVALUATION_OVERDUE) and view.text("kind") == "opp":
        opp_id, due_on = view.text("subject_id"), view.day("due_on")
    else:
        return None
    return _Cycle(opp_id, due_on, school) if opp_id and due_on else None


ON_TIME, LATE, MISSING = 0, 1, 2


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
