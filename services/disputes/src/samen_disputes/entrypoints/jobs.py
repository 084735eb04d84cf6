"""The scheduler: an APScheduler interval job that sweeps the database for deadlines
that approach or were missed, and reports closed windows of refused attempts.

Sweeps are safe to run on every instance at once: event ids are deterministic and the
outbox keeps the first (see `handlers/deadlines.py`).
"""

from functools import partial

from samen_kit.composition import service_sweep
from samen_kit.service import BackgroundJob

from samen_disputes.handlers.context import Deps
from samen_disputes.handlers.deadlines import sweep_deadlines
from samen_disputes.settings import DisputesSettings


def scheduler_job(deps: Deps, settings: DisputesSettings) -> BackgroundJob:
    return service_sweep(deps, settings, deadlines=partial(sweep_deadlines, deps))
