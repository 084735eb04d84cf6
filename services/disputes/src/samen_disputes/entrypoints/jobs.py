"""The scheduler: an APScheduler interval job that sweeps the database for deadlines
that approach or were missed, and reports closed windows of refused attempts.

Sweeps are safe to run on every instance at once: event ids are deterministic and the
outbox keeps the first (see `handlers/deadlines.py`).
"""

from datetime import timedelta
from functools import partial

from samen_kit.periodic import sweeping
from samen_kit.refusal_table import report_refusals
from samen_kit.service import BackgroundJob

from samen_disputes.handlers.context import Deps
from samen_disputes.handlers.deadlines import sweep_deadlines


def scheduler_job(deps: Deps, *, every_seconds: float, refusal_grace: timedelta) -> BackgroundJob:
    return sweeping(
        "disputes.sweep",
        every_seconds,
        deadlines=partial(sweep_deadlines, deps),
        refusals=partial(report_refusals, deps, service="disputes", grace=refusal_grace),
    )
