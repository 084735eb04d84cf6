"""Recording refused attempts: the access kit's refusals and the service's own (another
tenant's dispute, a role that may not), with the method and the route's template.

The kit hands its recorder a `Refusal` without the request, so a small middleware keeps
the request's ASGI scope in a context variable for the recorder to read.
"""

from contextvars import ContextVar
from datetime import datetime

from fastapi import FastAPI, Request
from samen_contract.events.access import AccessRefusedReason, Credential
from samen_kit.access import Audience, Refusal, RefusalReason
from samen_kit.access.sessions import COOKIE_NAME
from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

from samen_disputes.handlers.context import Deps
from samen_disputes.handlers.refusals import count_refusal, refusal_group

_request_scope: ContextVar[Scope | None] = ContextVar("disputes_request_scope", default=None)
UNKNOWN_ROUTE = "/unknown"
PARENT_PREFIX = "/ouders"

_KIT_REASONS = {
    RefusalReason.MISSING: AccessRefusedReason.MISSING_TOKEN,
    RefusalReason.MALFORMED: AccessRefusedReason.FORGED_TOKEN,
    RefusalReason.FORGED: AccessRefusedReason.FORGED_TOKEN,
    RefusalReason.EXPIRED: AccessRefusedReason.EXPIRED_TOKEN,
    RefusalReason.TOO_LONG_LIVED: AccessRefusedReason.EXPIRED_TOKEN,
    RefusalReason.WRONG_AUDIENCE: AccessRefusedReason.WRONG_AUDIENCE,
    RefusalReason.WRONG_ISSUER: AccessRefusedReason.FORGED_TOKEN,
    RefusalReason.REUSED: AccessRefusedReason.REUSED_TOKEN,
    RefusalReason.NOT_PERMITTED: AccessRefusedReason.FORBIDDEN_ROLE,
}


class RequestScopeMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        token = _request_scope.set(scope)
        try:
            await self._app(scope, receive, send)
        finally:
            _request_scope.reset(token)


def route_template(app: FastAPI, scope: Scope | None) -> str:
    """The matched route's template (routing leaves it in the scope; this service's
    routers take no prefix, so it is the whole path), else the first top-level match."""
    if scope is None:
        return UNKNOWN_ROUTE
    matched = scope.get("route")
    if matched is not None and isinstance(getattr(matched, "path", None), str):
        return str(matched.path)
    for route in app.router.routes:
        match, _ = route.matches(scope)
        path = getattr(route, "path", None)
        if match is Match.FULL and isinstance(path, str):
            return path
    return UNKNOWN_ROUTE


def resource_kind(route: str) -> str:
    if route.startswith("/tenant-settings"):
        return "tenant_settings"
    if route.startswith(("/disputes", PARENT_PREFIX)):
        return "dispute"
    return "service"


def _has_session_cookie(scope: Scope | None) -> bool:
    if scope is None:
        return False
    cookies = [v for k, v in scope.get("headers", []) if k == b"cookie"]
    return any(COOKIE_NAME.encode() in value for value in cookies)


def _has_query_token(scope: Scope | None) -> bool:
    return scope is not None and b"token=" in scope.get("query_string", b"")


def kit_credential(refusal: Refusal, scope: Scope | None) -> Credential:
    if refusal.reason is RefusalReason.MISSING:
        return Credential.NONE
    if refusal.reason is RefusalReason.MALFORMED:
        return Credential.UNREADABLE
    if refusal.audience is Audience.STAFF:
        return Credential.STAFF_TOKEN
    if _has_session_cookie(scope) and not _has_query_token(scope):
        return Credential.GUARDIAN_SESSION
    return Credential.GUARDIAN_TOKEN


def kit_reason(refusal: Refusal, credential: Credential) -> AccessRefusedReason:
    if credential is Credential.GUARDIAN_SESSION and refusal.reason in {
        RefusalReason.FORGED,
        RefusalReason.EXPIRED,
    }:
        return AccessRefusedReason.INVALID_SESSION
    return _KIT_REASONS[refusal.reason]


class RefusalLog:
    """The kit's `RefusalRecorder`, and the recorder of the service's own refusals."""

    def __init__(self, deps: Deps, app: FastAPI) -> None:
        self._deps = deps
        self._app = app

    async def __call__(self, refusal: Refusal, /) -> None:
        scope = _request_scope.get()
        credential = kit_credential(refusal, scope)
        await self._count(
            scope,
            at=refusal.at,
            tenant=refusal.proven.tenant,
            reason=kit_reason(refusal, credential),
            credential=credential,
        )

    async def refused(
        self, request: Request, reason: AccessRefusedReason, tenant: str | None
    ) -> None:
        """A caller whose credential was valid, refused by the service itself."""
        scope = request.scope
        if request.url.path.startswith(PARENT_PREFIX):
            guardian_session = _has_session_cookie(scope) and not _has_query_token(scope)
            credential = (
                Credential.GUARDIAN_SESSION if guardian_session else Credential.GUARDIAN_TOKEN
            )
        else:
            credential = Credential.STAFF_TOKEN
        now = self._deps.clock.now()
        await self._count(scope, at=now, tenant=tenant, reason=reason, credential=credential)

    async def _count(
        self,
        scope: Scope | None,
        *,
        at: datetime,
        tenant: str | None,
        reason: AccessRefusedReason,
        credential: Credential,
    ) -> None:
        route = route_template(self._app, scope)
        group = refusal_group(
            at=at,
            tenant=tenant,
            reason=reason,
            credential=credential,
            method=str(scope["method"]) if scope else "GET",
            route=route,
            resource_kind=resource_kind(route),
        )
        await count_refusal(self._deps, group)
