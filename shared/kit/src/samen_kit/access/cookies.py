"""Lets a dependency set a cookie on whatever response the route returns.

FastAPI copies headers from an injected `Response` only when the route returns plain
data; parent pages return HTML and redirects. So the session exchange leaves its
`Set-Cookie` in the request state and this middleware adds it on the way out.
"""

from __future__ import annotations

from datetime import timedelta

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from samen_kit.guards import HttpMiddleware

_PENDING = "samen_pending_set_cookie"


def add_cookie_on_response(request: Request, set_cookie: bytes) -> None:
    setattr(request.state, _PENDING, set_cookie)


class PendingCookieMiddleware(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_cookie(message: Message) -> None:
            pending = scope.get("state", {}).get(_PENDING)
            if message["type"] == "http.response.start" and pending:
                headers = [*message.get("headers", []), (b"set-cookie", pending)]
                message = {**message, "headers": headers}
            await send(message)

        await self._app(scope, receive, send_with_cookie)


def set_private_cookie(
    response: Response, name: str, value: str, ttl: timedelta, domain: str | None, secure: bool
) -> None:
    """A guardian's cookie (a session, a step-up proof): the whole site, `ttl` long,
    never readable by script, not sent on another site's requests (lax)."""
    response.set_cookie(
        name,
        value,
        max_age=int(ttl.total_seconds()),
        path="/",
        domain=domain,
        secure=secure,
        httponly=True,
        samesite="lax",
    )
