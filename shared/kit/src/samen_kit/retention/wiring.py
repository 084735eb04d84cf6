"""One call in a service's composition root: its erasers swept on its clock, and the
legal holds consumed from the disputes' and audit's facts."""

from __future__ import annotations

from collections.abc import Sequence

from samen_kit.retention.holds import HOLD_DESCRIPTION, HOLD_SOURCES, hold_handler
from samen_kit.retention.sweep import Eraser, Retention, retention_job
from samen_kit.service import ServiceRuntime


def install_retention(
    runtime: ServiceRuntime, erasers: Sequence[Eraser], *, every_seconds: float
) -> Retention:
    retention = Retention(
        runtime.service,
        runtime.sessions,
        runtime.clock,
        tuple(erasers),
        runtime.settings.retention_overrides,
    )
    runtime.jobs.append(retention_job(retention, every_seconds))
    runtime.add_consumer(
        "retention_holds", hold_handler, sources=HOLD_SOURCES, description=HOLD_DESCRIPTION
    )
    return retention
