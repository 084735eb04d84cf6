"""Refused attempts, counted per minute and reported as `AccessRefused` once that minute
has closed (plus a grace for late writers): a flood adds one event per group and minute.

The tenant is the one the caller's token proved; a token that proved nothing (forged,
missing) is counted for the platform.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from samen_contract import deterministic_event_id
from samen_contract.envelope import PLATFORM_TENANT
from samen_contract.events.access import AccessRefused, AccessRefusedReason, Credential
from samen_kit.access import Refusal, RefusalReason
from samen_kit.access.roles import Audience
from samen_kit.db import unit_of_work
from sqlalchemy.ext.asyncio import AsyncSession

from samen_audit.adapters.refusals import CountedWindow, RefusalGroup, SqlRefusalCounts
from samen_audit.handlers.context import AuditContext

REPORTER = "system:access-refusals"

REASONS = {
    RefusalReason.MISSING: AccessRefusedReason.MISSING_TOKEN,
    RefusalReason.MALFORMED: AccessRefusedReason.FORGED_TOKEN,
    RefusalReason.FORGED: AccessRefusedReason.FORGED_TOKEN,
    RefusalReason.WRONG_ISSUER: AccessRefusedReason.FORGED_TOKEN,
    RefusalReason.EXPIRED: AccessRefusedReason.EXPIRED_TOKEN,
    RefusalReason.TOO_LONG_LIVED: AccessRefusedReason.EXPIRED_TOKEN,
    RefusalReason.WRONG_AUDIENCE: AccessRefusedReason.WRONG_AUDIENCE,
    RefusalReason.REUSED: AccessRefusedReason.REUSED_TOKEN,
    RefusalReason.NOT_PERMITTED: AccessRefusedReason.FORBIDDEN_ROLE,
}


@dataclass(frozen=True)
class RouteShape:
    """How a refused request is named in the trail: never its concrete path."""

    method: str
    route: str
    resource_kind: str


RouteLookup = Callable[[str, str | None], RouteShape]  # (method, route template)


@dataclass(frozen=True)
class Attempt:
    at: datetime
    tenant: str | None
    reason: AccessRefusedReason
    credential: Credential
    shape: RouteShape


async def count_attempt(context: AuditContext, attempt: Attempt) -> None:
    group = RefusalGroup(
        window_start=attempt.at.replace(second=0, microsecond=0),
        tenant=attempt.tenant or PLATFORM_TENANT,
        reason=attempt.reason.value,
        credential=attempt.credential.value,
        method=attempt.shape.method,
        route=attempt.shape.route,
        resource_kind=attempt.shape.resource_kind,
    )
    async with unit_of_work(context.sessions) as session:
        await SqlRefusalCounts(session).count(group)


class RefusalRecorder:
    """The kit's refusal hook for this service."""

    def __init__(self, context: AuditContext, routes: RouteLookup) -> None:
        self._context = context
        self._routes = routes

    async def __call__(self, refusal: Refusal, /) -> None:
        credential = _credential(refusal)
        attempt = Attempt(
            at=refusal.at,
            tenant=refusal.proven.tenant,
            reason=REASONS[refusal.reason],
            credential=credential,
            shape=self._routes(refusal.method, refusal.route),
        )
        await count_attempt(self._context, attempt)


def _credential(refusal: Refusal) -> Credential:
    if refusal.reason is RefusalReason.MISSING:
        return Credential.NONE
    if refusal.audience is Audience.GUARDIAN:
        return Credential.GUARDIAN_TOKEN
    return Credential.STAFF_TOKEN


async def report_closed_windows(context: AuditContext, grace: timedelta) -> int:
    """Emit one `AccessRefused` per closed window; the id makes a second sweep a no-op."""
    # A minute's window is closed once the minute and the grace have both passed.
    before = context.clock.now() - timedelta(minutes=1) - grace
    async with unit_of_work(context.sessions) as session:
        counts = SqlRefusalCounts(session)
        windows = await counts.closed(before)
        for window in windows:
            await _emit(context, session, window)
            await counts.mark_reported(window.group, context.clock.now())
    return len(windows)


async def _emit(context: AuditContext, session: AsyncSession, window: CountedWindow) -> None:
    group = window.group
    event = AccessRefused.for_service("audit")(
        reason=AccessRefusedReason(group.reason),
        credential=Credential(group.credential),
        method=group.method,
        route=group.route,
        resource_kind=group.resource_kind,
        window_start=group.window_start,
        count=window.count,
    )
    key = (group.tenant, group.reason, group.credential, group.method, group.route)
    await context.writer.emit(
        session,
        event,
        tenant=group.tenant,
        subject=group.tenant,
        actor=REPORTER,
        event_id=deterministic_event_id(
            "AccessRefused", "audit", *key, group.resource_kind, group.window_start.isoformat()
        ),
    )
