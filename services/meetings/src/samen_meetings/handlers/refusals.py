"""Refused access attempts: counted per group and minute, reported once per closed minute
as `AccessRefused` (subject: the tenant; the platform when no tenant was proven).

A minute is reported one minute after it ended, so a refusal still being counted at its
edge is not left out; the event id derives from the group and its minute.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

from samen_contract import deterministic_event_id
from samen_contract.events.access import AccessRefused, AccessRefusedReason, Credential

from samen_meetings.adapters.refusals_repo import RefusalGroup
from samen_meetings.adapters.tables import AccessRefusalRow
from samen_meetings.adapters.uow import unit_of_work
from samen_meetings.handlers.context import Context

ACTOR = "system:access"
BATCH = 500
AccessRefusedEvent = AccessRefused.for_service("meetings")


def minute_of(at: datetime) -> datetime:
    return at.replace(second=0, microsecond=0)


async def count_refusal(ctx: Context, group: RefusalGroup) -> None:
    async with unit_of_work(ctx.sessions) as uow:
        await uow.refusals.count(group)


async def report_closed_minutes(ctx: Context) -> int:
    before = minute_of(ctx.now()) - timedelta(minutes=1)
    async with unit_of_work(ctx.sessions) as uow:
        rows = await uow.refusals.closed_windows(before, BATCH)
        for row in rows:
            await ctx.writer.emit(
                uow.session,
                _event(row),
                tenant=row.tenant,
                subject=row.tenant,
                actor=ACTOR,
                event_id=_event_id(row),
                time=ctx.now(),
            )
            row.emitted = True
    return len(rows)


def _event(row: AccessRefusalRow) -> AccessRefused:
    return AccessRefusedEvent(
        reason=AccessRefusedReason(row.reason),
        credential=Credential(row.credential),
        method=row.method,
        route=row.route,
        resource_kind=row.resource_kind,
        window_start=row.window_start,
        count=row.count,
    )


def _event_id(row: AccessRefusalRow) -> UUID:
    return deterministic_event_id(
        "meetings.AccessRefused", row.tenant, row.reason, row.credential, row.method,
        row.route, row.resource_kind, row.window_start.isoformat(),
    )  # fmt: skip
