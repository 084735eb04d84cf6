"""Periodic work: the OPP timers and the report of refused attempts.

Safe on every instance at once: timer event ids derive from the OPP and its due date and
each timer is re-checked under the OPP's row lock (`handlers/timers.py`).
"""

from datetime import timedelta
from functools import partial

from samen_kit.periodic import sweeping
from samen_kit.refusal_table import report_refusals
from samen_kit.service import BackgroundJob

from samen_plans.handlers.context import Context
from samen_plans.handlers.timers import scan_timers


def scheduler_job(
    deps: Context, *, every_seconds: float, refusal_grace: timedelta
) -> BackgroundJob:
    return sweeping(
        "plans.sweep",
        every_seconds,
        timers=partial(scan_timers, deps),
        refusals=partial(report_refusals, deps, service="plans", grace=refusal_grace),
    )
