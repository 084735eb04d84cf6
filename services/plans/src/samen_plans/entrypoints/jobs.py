"""Periodic work: the OPP timers and the report of refused attempts.

Safe on every instance at once: timer event ids derive from the OPP and its due date and
each timer is re-checked under the OPP's row lock (`handlers/timers.py`).
"""

from functools import partial

from samen_kit.composition import service_sweep
from samen_kit.service import BackgroundJob

from samen_plans.handlers.context import Context
from samen_plans.handlers.timers import scan_timers
from samen_plans.settings import PlansSettings


def scheduler_job(deps: Context, settings: PlansSettings) -> BackgroundJob:
    return service_sweep(deps, settings, timers=partial(scan_timers, deps))
