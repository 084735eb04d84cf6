"""The OPP (ontwikkelingsperspectief) as this service tracks it: when it started, which
version of its action part is current and whether the parents approved that version
(instemming, GLOSSARY.md), and the evaluation cycle that follows from it.

A pupil has one OPP at a time: registering a new one closes the previous one, whose
cycle then stops. A new version of the action part keeps the OPP and its cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from samen_meetings.domain.cycle_errors import OppClosed, OppStartInFuture, OppVersionNotNewer
from samen_meetings.domain.due import OppCycle, record_evaluation


@dataclass(frozen=True, slots=True)
class Opp:
    opp_id: UUID
    tenant_id: UUID
    school_id: UUID
    pupil_id: UUID
    started_on: date
    action_part_version: int
    parents_approved: bool
    last_evaluated_on: date | None = None
    closed_on: date | None = None

    @property
    def cycle(self) -> OppCycle:
        return OppCycle(
            self.opp_id, self.tenant_id, self.pupil_id, self.started_on, self.last_evaluated_on
        )

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


def register_opp(opp: Opp, today: date) -> Opp:
    """A new OPP, checked: it has started, and its action part has a version."""
    if opp.started_on > today:
        raise OppStartInFuture()
    if opp.action_part_version < 1:
        raise OppVersionNotNewer(0)
    return replace(opp, last_evaluated_on=None, closed_on=None)


def close_opp(previous: Opp, successor: Opp) -> Opp:
    """The previous OPP stops when its successor starts (not before its own start)."""
    return replace(previous, closed_on=max(successor.started_on, previous.started_on))


def new_action_part(opp: Opp, version: int, parents_approved: bool) -> Opp:
    if not opp.is_open:
        raise OppClosed(opp.opp_id)
    if version <= opp.action_part_version:
        raise OppVersionNotNewer(opp.action_part_version)
    return replace(opp, action_part_version=version, parents_approved=parents_approved)


def evaluate_opp(opp: Opp, evaluated_on: date, today: date) -> Opp:
    """The OPP after its evaluation with the parents: the next cycle starts that day."""
    if not opp.is_open:
        raise OppClosed(opp.opp_id)
    cycle = record_evaluation(opp.cycle, evaluated_on, today)
    return replace(opp, last_evaluated_on=cycle.last_evaluated_on)
