"""The scheduler: an APScheduler interval job that sweeps the database for what is due.

One sweep records expiry, emits due reminders, reports closed minutes of refused
attempts, and forgets used guardian tokens past their expiry. Every emitted event has
an id derived from what was due, so overlapping sweeps, a second instance or a restart
never emit twice. `sweep_once` is what the job runs; tests call it with a moved clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import partial

import structlog
from samen_kit.access.used_tokens_sql import SqlUsedTokenStore
from samen_kit.db import unit_of_work
from samen_kit.periodic import Every, periodic
from samen_kit.refusal_table import report_refusals

from samen_consent.handlers.context import Context
from samen_consent.handlers.sweeps import expire_due, remind_due

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class SweepReport:
    expired: int
    reminders: int
    refusal_windows: int
    tokens_forgotten: int


async def sweep_once(ctx: Context, refusal_grace: timedelta) -> SweepReport:
    report = SweepReport(
        expired=await expire_due(ctx),
        reminders=await remind_due(ctx),
        refusal_windows=await report_refusals(ctx, service="consent", grace=refusal_grace),
        tokens_forgotten=await _forget_used_tokens(ctx),
    )
    if any(vars(report).values()):
        log.info("consent.sweep.done", **vars(report))
    return report


async def _forget_used_tokens(ctx: Context) -> int:
    async with unit_of_work(ctx.sessions) as session:
        return await SqlUsedTokenStore(session, clock=ctx.clock).forget_expired(ctx.now())


class Sweeper:
    """The background job (`runtime.jobs`): runs `sweep_once` every `every` seconds (a
    failed sweep is logged by the kit's `periodic`, and the next interval tries again)."""

    def __init__(self, ctx: Context, *, every: float, refusal_grace: timedelta) -> None:
        self._ctx = ctx
        self._every = every
        self._grace = refusal_grace

    async def __call__(self) -> None:
        sweep = partial(sweep_once, self._ctx, self._grace)
        await periodic(Every("consent.sweep", self._every, sweep))()
