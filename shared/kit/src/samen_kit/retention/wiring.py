"""One call in a service's composition root: its erasers swept on its clock, its access
records purged by age, and the legal holds consumed from the disputes' and audit's facts."""

from __future__ import annotations

from collections.abc import Sequence

from samen_kit.retention.access_records import REFUSAL_WINDOWS
from samen_kit.retention.holds import HOLD_DESCRIPTION, HOLD_SOURCES, hold_handler
from samen_kit.retention.purge import AgedRecords
from samen_kit.retention.sweep import Eraser, Retention, retention_job
from samen_kit.retention.token_uses import TOKEN_USES
from samen_kit.service import ServiceRuntime

# The kit's access records, in every service that installs retention: each counts
# refusals and accepts guardian links.
KIT_ACCESS_RECORDS: tuple[AgedRecords, ...] = (REFUSAL_WINDOWS, TOKEN_USES)


def install_retention(
    runtime: ServiceRuntime,
    erasers: Sequence[Eraser],
    *,
    every_seconds: float,
    aged: Sequence[AgedRecords] = KIT_ACCESS_RECORDS,
) -> Retention:
    retention = Retention(
        runtime.service,
        runtime.sessions,
        runtime.clock,
        tuple(erasers),
        runtime.settings.retention_overrides,
        tuple(aged),
    )
    runtime.jobs.append(retention_job(retention, every_seconds))
    runtime.add_consumer(
        "retention_holds", hold_handler, sources=HOLD_SOURCES, description=HOLD_DESCRIPTION
    )
    return retention
