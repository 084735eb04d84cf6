"""Refused attempts for the audit trail: counted per minute and group as they happen,
reported as one `AccessRefused` per group once its minute has closed.

Counting happens in a transaction of its own (the refused request changes nothing
else). The report's event id is derived from the group, so two instances report a
window once; a refusal counted after its window was reported (later than the grace
period) is not reported again.
"""

from datetime import UTC, datetime, timedelta

from samen_contract import deterministic_event_id
from samen_contract.envelope import PLATFORM_TENANT
from samen_contract.events.access import AccessRefused, AccessRefusedReason, Credential
from samen_kit.db import unit_of_work
from sqlalchemy.ext.asyncio import AsyncSession

from samen_disputes.adapters.refusals import RefusalGroup, SqlRefusalCounts
from samen_disputes.adapters.tables import RefusalCountRow
from samen_disputes.handlers.context import Deps

WINDOW = timedelta(minutes=1)
REPORT_ACTOR = "system:disputes.access"
DisputesAccessRefused = AccessRefused.for_service("disputes")


def window_of(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(second=0, microsecond=0)


def refusal_group(
    *,
    at: datetime,
    tenant: str | None,
    reason: AccessRefusedReason,
    credential: Credential,
    method: str,
    route: str,
    resource_kind: str,
) -> RefusalGroup:
    return RefusalGroup(
        window_start=window_of(at),
        tenant=tenant or PLATFORM_TENANT,
        reason=str(reason),
        credential=str(credential),
        method=method.upper(),
        route=route,
        resource_kind=resource_kind,
    )


async def count_refusal(deps: Deps, group: RefusalGroup) -> None:
    async with unit_of_work(deps.sessions) as session:
        await SqlRefusalCounts(session).count(group)


async def report_refusals(deps: Deps, grace: timedelta) -> int:
    now = deps.clock.now()
    written = 0
    async with unit_of_work(deps.sessions) as session:
        for row in await SqlRefusalCounts(session).closed(before=now - WINDOW - grace):
            written += await _report(deps, session, row)
            row.emitted_at = now
    return written


async def _report(deps: Deps, session: AsyncSession, row: RefusalCountRow) -> int:
    event = DisputesAccessRefused(
        reason=AccessRefusedReason(row.reason),
        credential=Credential(row.credential),
        method=row.method,
        route=row.route,
        resource_kind=row.resource_kind,
        window_start=row.window_start,
        count=row.count,
    )
    parts = (row.window_start.isoformat(), row.tenant, row.reason, row.credential, row.method)
    event_id = deterministic_event_id(
        "AccessRefused", "disputes", *parts, row.route, row.resource_kind
    )
    envelope = await deps.writer.emit(
        session,
        event,
        tenant=row.tenant,
        subject=row.tenant,
        actor=REPORT_ACTOR,
        event_id=event_id,
        time=deps.clock.now(),
    )
    return int(envelope is not None)
