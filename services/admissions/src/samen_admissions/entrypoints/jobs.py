"""Periodic work: the timers and the report of refused attempts. Safe on every instance
at once (deterministic event ids; see `handlers/timers.py`)."""

from datetime import timedelta
from functools import partial

from samen_kit.periodic import sweeping
from samen_kit.refusal_table import report_refusals
from samen_kit.service import BackgroundJob

from samen_admissions.handlers.context import Deps
from samen_admissions.handlers.timers import sweep as sweep_timers


def scheduler_job(
    deps: Deps, *, every_seconds: float, warning_weeks: int, refusal_grace: timedelta
) -> BackgroundJob:
    return sweeping(
        "admissions.sweep",
        every_seconds,
        timers=partial(sweep_timers, deps, warning_weeks=warning_weeks),
        refusals=partial(report_refusals, deps, service="admissions", grace=refusal_grace),
    )
