"""The request being handled, for code deep inside it (the refusal recorder).

A middleware keeps the ASGI scope in a context variable; routing later adds the matched
route to that same scope, so the recorder can name the route's template.
"""

from __future__ import annotations

from contextvars import ContextVar

from starlette.types import Receive, Scope, Send

from samen_kit.guards import HttpMiddleware

_SCOPE: ContextVar[Scope | None] = ContextVar("samen_request_scope", default=None)
UNKNOWN_ROUTE = "/unknown"


class RequestScopeMiddleware(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = _SCOPE.set(scope)
        try:
            await self._app(scope, receive, send)
        finally:
            _SCOPE.reset(token)


def current_scope() -> Scope | None:
    return _SCOPE.get()


def method_and_route(scope: Scope | None) -> tuple[str, str]:
    """The method and the matched route's template; never the concrete path."""
    if scope is None:
        return "GET", UNKNOWN_ROUTE
    template = getattr(scope.get("route"), "path", None)
    return str(scope.get("method", "GET")).upper(), template or UNKNOWN_ROUTE
