"""Refused attempts for the audit trail: the kit counts them per minute and group, and
reports one `AccessRefused` per group once its minute has closed."""

from datetime import timedelta

from samen_kit import refusal_table

from samen_disputes.handlers.context import Deps


async def report_refusals(deps: Deps, grace: timedelta) -> int:
    return await refusal_table.report_refusals(deps, service="disputes", grace=grace)
