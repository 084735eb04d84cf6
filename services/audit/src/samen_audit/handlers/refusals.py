"""Refused attempts: the kit counts and reports them; this service declares only what
its routes are about, and where the counts are kept."""

from datetime import timedelta

from samen_kit.refusal_counts import report_closed_windows as _report
from samen_kit.refusal_table import refusal_counts

from samen_audit.handlers.context import AuditContext

SERVICE = "audit"


async def report_closed_windows(context: AuditContext, grace: timedelta) -> int:
    """One `AccessRefused` per closed window; the id makes a second sweep a no-op."""
    return await _report(
        context.sessions,
        context.writer,
        context.clock,
        service=SERVICE,
        store=refusal_counts,
        grace=grace,
    )
