"""The OPPs this service knows of: a projection of the plans service's facts, so that a
meeting of kind `opp_evaluation` can name the OPP it evaluates.

The plans service owns the OPP, its versions, the parents' consent and the evaluation
cycle. Here: `SupportStarted` opens the pupil's OPP and closes the previous one (a pupil
has one open OPP); `OppVersionWritten` and `ActionPartSet` move its current version on
(never back: a late fact about an older version changes nothing); `EvaluationHeld` with
the parents moves its evaluation date on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID


@dataclass(frozen=True, slots=True)
class KnownOpp:
    """`version`: the latest version written; `set_version`: the latest whose action part
    is set (in force), from `set_on`; `evaluation_due_on`: the last day its evaluation
    with the parents is on time (None until the action part is set)."""

    opp_id: UUID
    pupil_id: UUID
    school_id: UUID
    started_on: date
    opp_due_on: date | None = None  # None: registered here before the plans service
    version: int | None = None
    set_version: int | None = None
    set_on: date | None = None
    evaluation_due_on: date | None = None
    closed_on: date | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


def close(previous: KnownOpp, successor: KnownOpp) -> KnownOpp:
    """The previous OPP stops when its successor starts (not before its own start)."""
    if not previous.is_open or previous.opp_id == successor.opp_id:
        return previous
    return replace(previous, closed_on=max(successor.started_on, previous.started_on))


def version_written(opp: KnownOpp, version: int) -> KnownOpp:
    if opp.version is not None and version <= opp.version:
        return opp
    return replace(opp, version=version)


def action_part_set(opp: KnownOpp, version: int, set_on: date, evaluation_due_on: date) -> KnownOpp:
    if opp.set_version is not None and version <= opp.set_version:
        return opp
    return replace(
        version_written(opp, version),
        set_version=version,
        set_on=set_on,
        evaluation_due_on=evaluation_due_on,
    )


def evaluation_held(opp: KnownOpp, with_parents: bool, next_due_on: date | None) -> KnownOpp:
    """Only an evaluation with the parents starts the next cycle (the plans service says
    when it is due; an earlier date never replaces a later one)."""
    if not with_parents or next_due_on is None:
        return opp
    if opp.evaluation_due_on is not None and next_due_on <= opp.evaluation_due_on:
        return opp
    return replace(opp, evaluation_due_on=next_due_on)
