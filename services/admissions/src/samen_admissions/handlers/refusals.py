"""Refused attempts for the audit trail: the kit counts them per minute and group, and
reports one `AccessRefused` per group once its minute has closed."""

from datetime import timedelta

from samen_kit.refusal_counts import report_closed_windows
from samen_kit.refusal_table import refusal_counts

from samen_admissions.handlers.context import Deps

SERVICE = "admissions"


async def report_refusals(deps: Deps, grace: timedelta) -> int:
    return await report_closed_windows(
        deps.sessions, deps.writer, deps.clock, service=SERVICE, store=refusal_counts, grace=grace
    )
