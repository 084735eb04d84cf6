"""The request being handled, for code that runs deep inside it (the refusal recorder).

A middleware keeps the ASGI scope in a context variable (routing later adds the matched
route to it), so the refusal recorder can tell a link token from a session cookie, and
name the method and route template of a lookup that found nothing.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Receive, Scope, Send

_SCOPE: ContextVar[Scope | None] = ContextVar("samen_consent_scope", default=None)


class RequestScopeMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        token = _SCOPE.set(scope)
        try:
            await self._app(scope, receive, send)
        finally:
            _SCOPE.reset(token)


@dataclass(frozen=True)
class Attempted:
    method: str
    route: str  # the template, e.g. /v1/requests/{request_id}; never the ids themselves
    cookies: frozenset[str]
    has_query_token: bool


def attempted() -> Attempted:
    scope = _SCOPE.get() or {"method": "GET", "path": "/"}
    route = scope.get("route")
    template = getattr(route, "path", None) or "/"
    return Attempted(
        method=str(scope.get("method", "GET")),
        route=template,
        cookies=frozenset(_cookie_names(scope)),
        has_query_token="token" in parse_qs(scope.get("query_string", b"").decode("latin-1")),
    )


def _cookie_names(scope: Scope) -> list[str]:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            jar.load(value.decode("latin-1"))
            return list(jar)
    return []
