"""Periodic work: the OPP timers and the report of refused attempts.

Safe on every instance at once: timer event ids derive from the OPP and its due date and
each timer is re-checked under the OPP's row lock (`handlers/timers.py`).
"""

from datetime import timedelta
from functools import partial

import structlog
from samen_kit.periodic import Every, periodic
from samen_kit.service import BackgroundJob

from samen_plans.handlers.context import Context
from samen_plans.handlers.refusals import report_refusals
from samen_plans.handlers.timers import scan_timers

log = structlog.get_logger(__name__)


async def sweep(deps: Context, refusal_grace: timedelta) -> None:
    """One sweep; a failure is logged and the next interval tries again."""
    try:
        timers = await scan_timers(deps)
        refused = await report_refusals(deps, refusal_grace)
    except Exception as error:
        log.warning("plans.sweep.failed", error=type(error).__name__)
        return
    if timers or refused:
        log.info("plans.sweep.emitted", timers=timers, refusals=refused)


def scheduler_job(
    deps: Context, *, every_seconds: float, refusal_grace: timedelta
) -> BackgroundJob:
    return periodic(Every("plans.sweep", every_seconds, partial(sweep, deps, refusal_grace)))
