"""The plans service's facts, applied to the OPPs this service knows of: enough to let a
meeting of kind `opp_evaluation` name its OPP (`domain.known_opp`).

Runs inside the consumer's transaction (the kit records the event in its inbox there and
drops a fact older than one already applied for the pupil).
"""

from __future__ import annotations

from samen_contract import Envelope, Event
from samen_contract.events import plans as p

from samen_meetings.adapters.mapping import apply_known_opp, known_opp_of, new_opp_row
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain import known_opp
from samen_meetings.domain.known_opp import KnownOpp


async def apply_plans_fact(uow: UnitOfWork, env: Envelope, event: Event) -> None:
    match event:
        case p.SupportStarted():
            await _support_started(uow, env.tenant, event)
        case p.OppVersionWritten():
            row = await uow.opps.get(env.tenant, event.opp_id, lock=True)
            if row is not None:
                apply_known_opp(row, known_opp.version_written(known_opp_of(row), event.version))
        case p.ActionPartSet():
            row = await uow.opps.get(env.tenant, event.opp_id, lock=True)
            if row is not None:
                opp = known_opp.action_part_set(
                    known_opp_of(row), event.version, event.set_on, event.evaluation_due_on
                )
                apply_known_opp(row, opp)
        case p.EvaluationHeld():
            row = await uow.opps.get(env.tenant, event.opp_id, lock=True)
            if row is not None:
                opp = known_opp.evaluation_held(
                    known_opp_of(row), event.with_parents, event.next_due_on
                )
                apply_known_opp(row, opp)


async def _support_started(uow: UnitOfWork, tenant: str, event: p.SupportStarted) -> None:
    """The pupil's new OPP; the open one before it closes (one open OPP per pupil)."""
    if await uow.opps.get(tenant, event.opp_id) is not None:
        return  # already known (a replay under another event id)
    opp = KnownOpp(
        event.opp_id, event.pupil_id, event.school_id, event.started_on, event.opp_due_on
    )
    for previous in await uow.opps.open_of_pupil(tenant, event.pupil_id):
        apply_known_opp(previous, known_opp.close(known_opp_of(previous), opp))
    uow.opps.add(new_opp_row(opp, tenant=tenant))
