"""The timer scan: find what is due, then emit each timer in its own transaction after
re-checking it under the OPP's lock. Event ids derive from the OPP and the due date
(`Timer.event_id`), so a second instance, a slow scan or a restart writes nothing twice.
"""

from __future__ import annotations

from samen_contract import Event
from samen_contract.events import plans as ev
from samen_kit.db import unit_of_work

from samen_plans.adapters.mapping import timer_state_of
from samen_plans.adapters.opps import SqlOpps
from samen_plans.adapters.tables import OppRow
from samen_plans.adapters.timers import due_timers
from samen_plans.domain.timers import Timer, TimerKind, timers_due
from samen_plans.handlers.context import Context
from samen_plans.handlers.emitting import emit_for, opp_ids

ACTOR = "system:plans-timers"
EVENTS: dict[
    TimerKind, type[ev.OppDue | ev.OppOverdue | ev.EvaluationDue | ev.EvaluationOverdue]
] = {
    TimerKind.OPP_DUE: ev.OppDue,
    TimerKind.OPP_OVERDUE: ev.OppOverdue,
    TimerKind.EVALUATION_DUE: ev.EvaluationDue,
    TimerKind.EVALUATION_OVERDUE: ev.EvaluationOverdue,
}


async def scan_timers(deps: Context) -> int:
    """The number of timer events this call wrote."""
    today = deps.today()
    async with unit_of_work(deps.sessions) as session:
        due = await due_timers(session, today)
    written = 0
    for timer in due:
        written += await _emit(deps, timer)
    return written


def _event(timer: Timer, row: OppRow) -> Event:
    return EVENTS[timer.kind](**opp_ids(row), due_on=timer.due_on)


def _mark(row: OppRow, timer: Timer) -> None:
    if timer.kind in (TimerKind.OPP_DUE, TimerKind.OPP_OVERDUE):
        row.opp_reported = timer.kind.value
    else:
        row.evaluation_reported = timer.kind.value
        row.evaluation_reported_for = timer.due_on


async def _emit(deps: Context, timer: Timer) -> int:
    async with unit_of_work(deps.sessions) as session:
        row = await SqlOpps(session).in_tenant(timer.tenant, timer.opp_id, lock=True)
        if row is None or row.closed_on is not None:
            return 0
        if timer not in timers_due(timer_state_of(row), deps.today()):
            return 0  # set, evaluated or reported by another instance meanwhile
        _mark(row, timer)
        envelope = await emit_for(
            session,
            deps.writer,
            row,
            _event(timer, row),
            actor=ACTOR,
            at=deps.clock.now(),
            event_id=timer.event_id,
        )
    return 0 if envelope is None else 1
