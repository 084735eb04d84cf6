"""Rows to domain values and back."""

from __future__ import annotations

from samen_plans.adapters.tables import OppRow
from samen_plans.domain.opp import Opp, OppStatus
from samen_plans.domain.timers import TimerKind, TimerState


def opp_of(row: OppRow) -> Opp:
    return Opp(
        status=OppStatus(row.status),
        latest_version=row.latest_version,
        offered_version=row.offered_version,
        set_version=row.set_version,
        first_set_on=row.first_set_on,
        evaluation_due_on=row.evaluation_due_on,
    )


def apply_opp(row: OppRow, opp: Opp) -> None:
    row.status = opp.status.value
    row.latest_version = opp.latest_version
    row.offered_version = opp.offered_version
    row.set_version = opp.set_version
    row.first_set_on = opp.first_set_on
    row.evaluation_due_on = opp.evaluation_due_on


def timer_state_of(row: OppRow) -> TimerState:
    return TimerState(
        tenant=row.tenant,
        opp_id=row.opp_id,
        opp_due_on=row.opp_due_on,
        first_set_on=row.first_set_on,
        evaluation_due_on=row.evaluation_due_on,
        opp_reported=TimerKind(row.opp_reported) if row.opp_reported else None,
        evaluation_reported=(
            TimerKind(row.evaluation_reported) if row.evaluation_reported else None
        ),
        evaluation_reported_for=row.evaluation_reported_for,
    )
