"""Periodic work: the timers and the report of refused attempts. Safe on every instance
at once (deterministic event ids; see `handlers/timers.py`)."""

from functools import partial

from samen_kit.composition import service_sweep
from samen_kit.service import BackgroundJob

from samen_admissions.handlers.context import Deps
from samen_admissions.handlers.timers import sweep as sweep_timers
from samen_admissions.settings import AdmissionsSettings


def scheduler_job(deps: Deps, settings: AdmissionsSettings) -> BackgroundJob:
    warning_weeks = settings.end_warning_weeks
    return service_sweep(
        deps, settings, timers=partial(sweep_timers, deps, warning_weeks=warning_weeks)
    )
