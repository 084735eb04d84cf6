"""The scheduler: an APScheduler interval job that sweeps the database for deadlines
that approach or were missed, and reports closed windows of refused attempts.

Sweeps are safe to run on every instance at once: event ids are deterministic and the
outbox keeps the first (see `handlers/deadlines.py`).
"""

from datetime import timedelta
from functools import partial

import structlog
from samen_kit.periodic import Every, periodic
from samen_kit.service import BackgroundJob

from samen_disputes.handlers.context import Deps
from samen_disputes.handlers.deadlines import sweep_deadlines
from samen_disputes.handlers.refusals import report_refusals

log = structlog.get_logger(__name__)


async def sweep(deps: Deps, refusal_grace: timedelta) -> None:
    """One sweep; a failure is logged and the next interval tries again."""
    try:
        due = await sweep_deadlines(deps)
        refused = await report_refusals(deps, refusal_grace)
    except Exception as error:
        log.warning("disputes.sweep.failed", error=type(error).__name__)
        return
    if due or refused:
        log.info("disputes.sweep.emitted", deadlines=due, refusals=refused)


def scheduler_job(deps: Deps, *, every_seconds: float, refusal_grace: timedelta) -> BackgroundJob:
    return periodic(Every("disputes.sweep", every_seconds, partial(sweep, deps, refusal_grace)))
