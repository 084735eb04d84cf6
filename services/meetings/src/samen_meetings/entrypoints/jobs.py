"""The due scan, run at an interval by the kit's scheduler (`samen_kit.periodic`). Two
instances scanning at once emit each item once (deterministic ids, row locks).
"""

from __future__ import annotations

import structlog
from samen_kit.periodic import Every, periodic
from samen_kit.refusal_table import report_refusals

from samen_meetings.handlers import due
from samen_meetings.handlers.context import Context

log = structlog.get_logger(__name__)


class DueScanner:
    def __init__(self, ctx: Context, interval_seconds: float) -> None:
        self._ctx = ctx
        self._interval = interval_seconds
        self.completed = 0  # scans finished (tests wait on it instead of sleeping)

    async def scan_once(self) -> due.ScanReport:
        report = await due.scan(self._ctx)
        reported = await report_refusals(self._ctx, service="meetings")
        self.completed += 1
        if report.emitted or reported:
            log.info(
                "meetings.due_scan.emitted",
                due=report.due,
                emitted=report.emitted,
                refusal_windows=reported,
            )
        return report

    async def run(self) -> None:
        """The runtime job: start the scheduler, keep it until the service stops (a failed
        scan is logged by the kit's `periodic`, and the next interval tries again)."""
        await periodic(Every("meetings.due_scan", self._interval, self.scan_once))()
