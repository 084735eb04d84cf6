"""What the routes are about, as refused attempts name it in the trail. The kit
classifies refused attempts, counts them per (tenant, reason, credential, method, route,
resource kind) and minute, and reports each group once its minute has closed."""

from __future__ import annotations

from samen_kit.access.refusal_book import ResourceKinds
from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter
from samen_kit.refusal_counts import report_closed_windows
from samen_kit.refusal_table import refusal_counts
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

SERVICE = "notifications"
RESOURCE_KINDS = ResourceKinds(
    {
        "/v1/roster/contacts": "roster",
        "/v1/roster/staff": "staff_roster",
        "/v1/schools": "school",
        "/v1/broadcasts": "broadcast",
        "/v1/pupils": "notification",
        "/v1/guardians": "contact_point",
        "/v1/stats": "stats",
        "/ouders/contact": "contact_point",
        "/ouders/voorkeuren": "contact_point",
        "/ouders/nieuwe-link": "guardian_link",
        "/v1/links/renew": "guardian_link",
        "/ouders/bevestigen": "step_up",
    },
    default="notifications",
)


async def emit_closed_windows(
    sessions: async_sessionmaker[AsyncSession], writer: EventWriter, clock: Clock
) -> int:
    """One `AccessRefused` per group whose minute has ended (the kit's reporter)."""
    return await report_closed_windows(
        sessions, writer, clock, service=SERVICE, store=refusal_counts
    )
