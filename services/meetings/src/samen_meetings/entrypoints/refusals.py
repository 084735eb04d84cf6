"""Refused attempts, as the audit trail records them: which rule, which credential, which
route template and resource kind — never the token, the address or an id from the path.

A small ASGI middleware keeps the request's scope in a context variable, so the
recorder (which the access kit hands only the refusal) can see method and route.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from samen_contract.envelope import PLATFORM_TENANT
from samen_contract.events.access import AccessRefusedReason as Why
from samen_contract.events.access import Credential
from samen_kit.access import Audience, Refusal, RefusalReason, RefusalRecorder
from samen_kit.access.sessions import COOKIE_NAME
from starlette.types import ASGIApp, Receive, Scope, Send

from samen_meetings.adapters.refusals_repo import RefusalGroup
from samen_meetings.handlers.lookups import Miss
from samen_meetings.handlers.refusals import minute_of

_scope: ContextVar[Scope | None] = ContextVar("samen_meetings_scope", default=None)

RESOURCE_KINDS = (
    ("/ouders/gesprekken", "meeting"),
    ("/ouders/verslagen", "meeting_record"),
    ("/meetings", "meeting"),
    ("/records", "meeting_record"),
    ("/agreements", "agreement"),
    ("/opps", "opp"),
    ("/pupils", "pupil"),
    ("/staff", "staff_member"),
    ("/settings", "tenant_settings"),
)
_KIT_REASONS = {
    RefusalReason.MISSING: Why.MISSING_TOKEN,
    RefusalReason.MALFORMED: Why.FORGED_TOKEN,
    RefusalReason.FORGED: Why.FORGED_TOKEN,
    RefusalReason.WRONG_ISSUER: Why.FORGED_TOKEN,
    RefusalReason.EXPIRED: Why.EXPIRED_TOKEN,
    RefusalReason.TOO_LONG_LIVED: Why.EXPIRED_TOKEN,
    RefusalReason.WRONG_AUDIENCE: Why.WRONG_AUDIENCE,
    RefusalReason.REUSED: Why.REUSED_TOKEN,
    RefusalReason.NOT_PERMITTED: Why.FORBIDDEN_ROLE,
}
_MISSES = {Miss.OTHER_TENANT: Why.OTHER_TENANT, Miss.OUT_OF_SCOPE: Why.OUT_OF_SCOPE}

Counter = Callable[[RefusalGroup], Awaitable[None]]


class RequestScopeMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = _scope.set(scope)
        try:
            await self._app(scope, receive, send)
        finally:
            _scope.reset(token)


def route_template() -> tuple[str, str]:
    """Method and route template of the current request ("/" outside a request)."""
    scope = _scope.get() or {}
    route: Any = scope.get("route")
    path = getattr(route, "path", None) or "/"
    return str(scope.get("method", "GET")), path


def resource_kind(route: str) -> str:
    return next((kind for prefix, kind in RESOURCE_KINDS if route.startswith(prefix)), "other")


def _credential(refusal: Refusal) -> Credential:
    if refusal.reason is RefusalReason.MISSING:
        return Credential.NONE
    if refusal.audience is Audience.STAFF:
        return Credential.STAFF_TOKEN
    scope = _scope.get() or {}
    query = scope.get("query_string", b"")
    has_cookie = any(
        name == b"cookie" and COOKIE_NAME.encode() in value
        for name, value in scope.get("headers", [])
    )
    if has_cookie and b"token=" not in query:
        return Credential.GUARDIAN_SESSION
    return Credential.GUARDIAN_TOKEN


def group_of(refusal: Refusal) -> RefusalGroup:
    credential = _credential(refusal)
    reason = _KIT_REASONS[refusal.reason]
    if credential is Credential.GUARDIAN_SESSION and reason in (
        Why.FORGED_TOKEN,
        Why.EXPIRED_TOKEN,
    ):
        reason = Why.INVALID_SESSION
    return _group(refusal.proven.tenant or PLATFORM_TENANT, reason, credential, refusal.at)


def group_of_miss(tenant: str, miss: Miss, credential: Credential, at: Any) -> RefusalGroup | None:
    """A lookup of another tenant's data (or outside the token's schools): answered as
    not found, recorded as what it was. A plain miss is not a refusal."""
    reason = _MISSES.get(miss)
    return None if reason is None else _group(tenant, reason, credential, at)


def _group(tenant: str, reason: Why, credential: Credential, at: Any) -> RefusalGroup:
    method, route = route_template()
    return RefusalGroup(
        tenant=tenant,
        reason=reason.value,
        credential=credential.value,
        method=method,
        route=route,
        resource_kind=resource_kind(route),
        window_start=minute_of(at),
    )


def recorder(count: Counter) -> RefusalRecorder:
    """The access kit's `RefusalRecorder` for this service."""

    async def record(refusal: Refusal, /) -> None:
        await count(group_of(refusal))

    return record
