"""Periodic work: APScheduler runs each job at its interval, on the wall clock.

What is due is decided by the service's own clock inside the job, so tests move that
clock instead of sleeping. The job store stays in memory: jobs read the database, so a
restart loses nothing, and a shared store would make two instances fire twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from samen_kit.service import BackgroundJob

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class Every:
    name: str  # the job's id, and what its failure is logged under
    seconds: float
    work: Callable[[], Awaitable[Any]]
    first_at_start: bool = True  # False: the first run after one interval


def periodic(*jobs: Every) -> BackgroundJob:
    """One runtime job (`runtime.jobs`) that runs `jobs` until the service stops.

    Runs never overlap (max_instances=1), missed ones are run once (coalesce), and a
    failing run is logged so the next interval tries again."""

    async def run() -> None:
        scheduler = AsyncIOScheduler(event_loop=asyncio.get_running_loop(), timezone=UTC)
        for job in jobs:
            start = {"next_run_time": datetime.now(UTC)} if job.first_at_start else {}
            scheduler.add_job(
                _surviving(job),
                "interval",
                seconds=job.seconds,
                id=job.name,
                max_instances=1,
                coalesce=True,
                **start,
            )
        scheduler.start()
        try:
            await asyncio.Event().wait()
        finally:
            scheduler.shutdown(wait=False)

    return run


def sweeping(name: str, seconds: float, **steps: Callable[[], Awaitable[int]]) -> BackgroundJob:
    """A runtime job that every `seconds` runs `steps` in order, each returning how many
    events it wrote (timers due, closed refusal windows...). A failure is logged as
    `{name}.failed` and the next interval tries again; what was written as
    `{name}.emitted`, counted per step."""

    async def sweep() -> None:
        counts: dict[str, int] = {}
        try:
            for step, work in steps.items():
                counts[step] = await work()
        except Exception as error:
            log.warning(f"{name}.failed", error=type(error).__name__)
            return
        if any(counts.values()):
            log.info(f"{name}.emitted", **counts)

    return periodic(Every(name, seconds, sweep))


def _surviving(job: Every) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        try:
            await job.work()
        except Exception as error:
            log.error("periodic.failed", job=job.name, error=type(error).__name__, exc_info=error)

    return run
