"""The OPP's timers: the OPP itself within 6 weeks of the start of extra support, then
its yearly evaluation with the parents.

- `OppDue` fires from `opp_due_on - lead` while no action part was ever set;
  `OppOverdue` from the day after `opp_due_on`.
- `EvaluationDue` fires from `evaluation_due_on - lead` (4 weeks); `EvaluationOverdue`
  from the day after, until an evaluation with the parents moves the date.
Once overdue is reported, due is not reported for that date any more. Each timer's key
names the OPP and its due date; the event id derives from the key, so two instances or
a restart write the same id, and the outbox keeps one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Final, NamedTuple
from uuid import UUID, uuid5

# Fixed for good: ids of events already written derive from it.
TIMER_NAMESPACE: Final = UUID("6b1d2a0e-4c39-4f57-8e1a-2f0c5b7d9e31")
OPP_LEAD: Final = timedelta(weeks=2)
EVALUATION_LEAD: Final = timedelta(weeks=4)


class TimerKind(StrEnum):
    OPP_DUE = "opp_due"
    OPP_OVERDUE = "opp_overdue"
    EVALUATION_DUE = "evaluation_due"
    EVALUATION_OVERDUE = "evaluation_overdue"


@dataclass(frozen=True)
class TimerState:
    """What the timers need of one open OPP, and what was reported already."""

    tenant: str
    opp_id: UUID
    opp_due_on: date
    first_set_on: date | None
    evaluation_due_on: date | None
    opp_reported: TimerKind | None = None
    evaluation_reported: TimerKind | None = None
    evaluation_reported_for: date | None = None


class Timer(NamedTuple):
    """A timer due. A named tuple, not a dataclass: the scan builds one per row of a
    work list of tens of thousands, and a frozen dataclass costs several times more."""

    kind: TimerKind
    tenant: str
    opp_id: UUID
    due_on: date

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.tenant}:{self.opp_id}:{self.due_on.isoformat()}"

    @property
    def event_id(self) -> UUID:
        return uuid5(TIMER_NAMESPACE, self.key)


def _track(
    due_on: date,
    today: date,
    lead: timedelta,
    reported: TimerKind | None,
    kinds: tuple[TimerKind, TimerKind],
) -> TimerKind | None:
    due, overdue = kinds
    if today > due_on:
        return None if reported is overdue else overdue
    if today >= due_on - lead:
        return None if reported in kinds else due
    return None


def timers_due(
    state: TimerState,
    today: date,
    *,
    opp_lead: timedelta = OPP_LEAD,
    evaluation_lead: timedelta = EVALUATION_LEAD,
) -> list[Timer]:
    found: list[Timer] = []
    if state.first_set_on is None:
        kind = _track(
            state.opp_due_on, today, opp_lead, state.opp_reported,
            (TimerKind.OPP_DUE, TimerKind.OPP_OVERDUE),
        )  # fmt: skip
        if kind is not None:
            found.append(Timer(kind, state.tenant, state.opp_id, state.opp_due_on))
    if state.evaluation_due_on is not None:
        same_date = state.evaluation_reported_for == state.evaluation_due_on
        reported = state.evaluation_reported if same_date else None
        kind = _track(
            state.evaluation_due_on, today, evaluation_lead, reported,
            (TimerKind.EVALUATION_DUE, TimerKind.EVALUATION_OVERDUE),
        )  # fmt: skip
        if kind is not None:
            found.append(Timer(kind, state.tenant, state.opp_id, state.evaluation_due_on))
    return found
