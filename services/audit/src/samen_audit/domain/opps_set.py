"""OPPs set per school: within 6 weeks, later, or not yet once the 6 weeks have passed.

An OPP starts with the plans service's `SupportStarted` (`opp_due_on`: the last day to set
it, 6 weeks after the support started) and is set (*vastgesteld*) by its first
`ActionPartSet` (`set_on`). Set on or before `opp_due_on` is on time, after it late; not
set when that day has passed is missing; not set and still within its term counts
nowhere yet. An OPP whose start lies outside the export is not judged.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from samen_audit.domain.entry_view import EntryView
from samen_audit.domain.evaluations import LATE, MISSING, ON_TIME, UNKNOWN_SCHOOL, Tally

SUPPORT_STARTED = "samen.plans.SupportStarted.v1"
ACTION_PART_SET = "samen.plans.ActionPartSet.v1"


@dataclass(frozen=True)
class SchoolOpps(Tally):
    """`started`: OPPs started in the export, whether judged yet or not."""

    started: int = 0


@dataclass(frozen=True)
class _Started:
    school: str
    due_on: date


def opps_set_per_school(views: Iterable[EntryView], as_of: date) -> list[SchoolOpps]:
    started: dict[str, _Started] = {}
    first_set: dict[str, date] = {}
    for view in views:
        opp_id = view.text("opp_id")
        if opp_id is None:
            continue
        due_on, set_on = view.day("opp_due_on"), view.day("set_on")
        if view.event_type == SUPPORT_STARTED and due_on is not None:
            started.setdefault(opp_id, _Started(view.school or UNKNOWN_SCHOOL, due_on))
        elif view.event_type == ACTION_PART_SET and set_on is not None:
            first_set[opp_id] = min(set_on, first_set.get(opp_id, set_on))
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for opp_id, start in started.items():
        tally = tallies[start.school]
        tally[3] += 1
        outcome = _outcome(start.due_on, first_set.get(opp_id), as_of)
        if outcome is not None:
            tally[outcome] += 1
    return [SchoolOpps(school, *tally) for school, tally in sorted(tallies.items())]


def _outcome(due_on: date, set_on: date | None, as_of: date) -> int | None:
    if set_on is not None:
        return ON_TIME if set_on <= due_on else LATE
    return MISSING if due_on < as_of else None
