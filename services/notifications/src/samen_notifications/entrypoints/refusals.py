"""Refused attempts become `AccessRefused` events: counted per (tenant, reason,
credential, method, route, resource kind) and minute, and emitted once per group when
its minute has closed (a job), with the count. So a flood adds to a count.

The kit's recorder is told the path; the method and the route's template come from
the request, kept in a context variable by a small middleware.
"""

from __future__ import annotations

import contextvars
from datetime import datetime

import structlog
from fastapi import FastAPI
from samen_contract import deterministic_event_id
from samen_contract.envelope import PLATFORM_TENANT
from samen_contract.events.access import AccessRefused, AccessRefusedReason, Credential
from samen_kit.access import Audience, Refusal, RefusalReason
from samen_kit.clock import Clock
from samen_kit.db import unit_of_work
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.types import ASGIApp, Receive, Scope, Send

from samen_notifications.adapters import refusals
from samen_notifications.adapters.refusals import RefusalGroup
from samen_notifications.entrypoints.routes import route_template

log = structlog.get_logger(__name__)
_REQUEST: contextvars.ContextVar[Scope | None] = contextvars.ContextVar("request", default=None)
ACTOR = "system:notifications.access"

REASONS = {
    RefusalReason.MISSING: AccessRefusedReason.MISSING_TOKEN,
    RefusalReason.MALFORMED: AccessRefusedReason.FORGED_TOKEN,
    RefusalReason.FORGED: AccessRefusedReason.FORGED_TOKEN,
    RefusalReason.EXPIRED: AccessRefusedReason.EXPIRED_TOKEN,
    RefusalReason.WRONG_AUDIENCE: AccessRefusedReason.WRONG_AUDIENCE,
    RefusalReason.WRONG_ISSUER: AccessRefusedReason.FORGED_TOKEN,
    RefusalReason.REUSED: AccessRefusedReason.REUSED_TOKEN,
    RefusalReason.NOT_PERMITTED: AccessRefusedReason.FORBIDDEN_ROLE,
}
RESOURCES = {
    "/v1/roster/contacts": "roster",
    "/v1/roster/staff": "staff_roster",
    "/v1/schools/{school_id}": "school",
    "/v1/broadcasts": "broadcast",
    "/v1/broadcasts/{broadcast_id}": "broadcast",
    "/v1/pupils/{pupil_id}/notifications": "notification",
    "/v1/guardians/{guardian_id}/preferences-link": "contact_point",
    "/v1/stats": "stats",
    "/ouders/contact": "contact_point",
    "/ouders/voorkeuren": "contact_point",
    "/v1/links/renew": "guardian_link",
}


class RequestScopeMiddleware:
    """Keeps the request's scope at hand for the refusal recorder."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = _REQUEST.set(scope if scope["type"] == "http" else None)
        try:
            await self._app(scope, receive, send)
        finally:
            _REQUEST.reset(token)


class RefusalLog:
    """The `RefusalRecorder`: counts each refusal in its own short transaction."""

    def __init__(self, app: FastAPI, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._app = app
        self._sessions = sessions

    async def __call__(self, refusal: Refusal, /) -> None:
        await self.count(
            REASONS[refusal.reason],
            credential_of(refusal),
            refusal.proven.tenant or PLATFORM_TENANT,
            refusal.at,
        )

    async def count(
        self,
        reason: AccessRefusedReason,
        credential: Credential,
        tenant: str,
        at: datetime,
    ) -> None:
        """Count one refusal of the request being handled (its route comes from there)."""
        scope = _REQUEST.get()
        method = str(scope["method"]) if scope else "GET"
        route = self._template(scope)
        group = RefusalGroup(
            tenant=tenant,
            reason=reason.value,
            credential=credential.value,
            method=method,
            route=route,
            resource_kind=RESOURCES.get(route, "notifications"),
            window_start=at.replace(second=0, microsecond=0),
        )
        async with unit_of_work(self._sessions) as session:
            await refusals.count(session, group)
        log.info("notifications.access.refused", reason=reason.value, route=route)

    def _template(self, scope: Scope | None) -> str:
        found = route_template(self._app, scope) if scope is not None else None
        return found or "/unknown"


def credential_of(refusal: Refusal) -> Credential:
    if refusal.reason is RefusalReason.MISSING:
        return Credential.NONE
    if refusal.reason is RefusalReason.MALFORMED and refusal.proven.tenant is None:
        return Credential.UNREADABLE
    if refusal.audience is Audience.STAFF:
        return Credential.STAFF_TOKEN
    return Credential.GUARDIAN_TOKEN


async def emit_closed_windows(
    sessions: async_sessionmaker[AsyncSession], writer: EventWriter, clock: Clock
) -> int:
    """One `AccessRefused` per group whose minute has ended; the id comes from the
    group, so two instances never emit it twice."""
    before = clock.now().replace(second=0, microsecond=0)
    event_class = AccessRefused.for_service("notifications")
    async with unit_of_work(sessions) as session:
        rows = await refusals.closed_windows(session, before)
        for row in rows:
            event = event_class(
                reason=AccessRefusedReason(row.reason),
                credential=Credential(row.credential),
                method=row.method,
                route=row.route,
                resource_kind=row.resource_kind,
                window_start=row.window_start,
                count=row.count,
            )
            key = [row.tenant, row.reason, row.credential, row.method, row.route]
            await writer.emit(
                session,
                event,
                tenant=row.tenant,
                subject=row.tenant,
                actor=ACTOR,
                event_id=deterministic_event_id(
                    "notifications.AccessRefused",
                    *key,
                    row.resource_kind,
                    row.window_start.isoformat(),
                ),
            )
            await refusals.mark_emitted(session, row)
    return len(rows)
