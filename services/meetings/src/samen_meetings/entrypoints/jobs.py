"""The scheduler: APScheduler runs the due scan at an interval (wall time); what is due is
decided by the service's clock, so tests move that clock instead of sleeping.

APScheduler's job store stays in memory: the scan reads the database, so a restart
loses nothing, and a store shared by two processes would fire twice. Two instances
scanning at once emit each item once (deterministic ids, row locks).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import structlog
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from samen_meetings.handlers import due, refusals
from samen_meetings.handlers.context import Context

log = structlog.get_logger(__name__)


class DueScanner:
    def __init__(self, ctx: Context, interval_seconds: float) -> None:
        self._ctx = ctx
        self._interval = interval_seconds
        self.completed = 0  # scans finished (tests wait on it instead of sleeping)

    async def scan_once(self) -> due.ScanReport:
        report = await due.scan(self._ctx)
        reported = await refusals.report_closed_minutes(self._ctx)
        self.completed += 1
        if report.emitted or reported:
            log.info(
                "meetings.due_scan.emitted",
                due=report.due,
                emitted=report.emitted,
                refusal_windows=reported,
            )
        return report

    async def _tick(self) -> None:
        try:
            await self.scan_once()
        except Exception:
            log.exception("meetings.due_scan.failed")

    async def run(self) -> None:
        """The runtime job: start the scheduler, keep it until the service stops."""
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.add_job(
            self._tick,
            IntervalTrigger(seconds=self._interval, timezone=UTC),
            id="meetings.due_scan",
            max_instances=1,
            coalesce=True,
            next_run_time=datetime.now(UTC),
        )
        scheduler.start()
        try:
            await asyncio.Event().wait()
        finally:
            scheduler.shutdown(wait=False)
