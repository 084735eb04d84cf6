"""Refused attempts for the audit trail: the kit counts them per minute and group, and
reports one `AccessRefused` per group once its minute has closed."""

from datetime import timedelta

from samen_kit.refusal_counts import report_closed_windows
from samen_kit.refusal_table import refusal_counts

from samen_plans.handlers.context import Context

SERVICE = "plans"


async def report_refusals(deps: Context, grace: timedelta) -> int:
    return await report_closed_windows(
        deps.sessions, deps.writer, deps.clock, service=SERVICE, store=refusal_counts, grace=grace
    )
