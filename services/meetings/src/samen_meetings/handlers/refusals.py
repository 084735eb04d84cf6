"""Refused access attempts: counted per group and minute by the kit, reported once per
closed minute as `AccessRefused` (subject: the tenant; the platform when no tenant was
proven), with the kit's one event id rule."""

from __future__ import annotations

from samen_kit.refusal_counts import report_closed_windows
from samen_kit.refusal_table import refusal_counts

from samen_meetings.handlers.context import Context

SERVICE = "meetings"


async def report_closed_minutes(ctx: Context) -> int:
    return await report_closed_windows(
        ctx.sessions, ctx.writer, ctx.clock, service=SERVICE, store=refusal_counts
    )
