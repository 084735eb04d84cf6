"""Periodic work: the timers and the report of refused attempts. Safe on every instance
at once (deterministic event ids; see `handlers/timers.py`)."""

from datetime import timedelta
from functools import partial

import structlog
from samen_kit.periodic import Every, periodic
from samen_kit.service import BackgroundJob

from samen_admissions.handlers.context import Deps
from samen_admissions.handlers.refusals import report_refusals
from samen_admissions.handlers.timers import sweep as sweep_timers

log = structlog.get_logger(__name__)


async def sweep(deps: Deps, warning_weeks: int, refusal_grace: timedelta) -> None:
    """One sweep; a failure is logged and the next interval tries again."""
    try:
        due = await sweep_timers(deps, warning_weeks=warning_weeks)
        refused = await report_refusals(deps, refusal_grace)
    except Exception as error:
        log.warning("admissions.sweep.failed", error=type(error).__name__)
        return
    if due or refused:
        log.info("admissions.sweep.emitted", timers=due, refusals=refused)


def scheduler_job(
    deps: Deps, *, every_seconds: float, warning_weeks: int, refusal_grace: timedelta
) -> BackgroundJob:
    work = partial(sweep, deps, warning_weeks, refusal_grace)
    return periodic(Every("admissions.sweep", every_seconds, work))
