"""Where the forms of our pages may go, in their Content-Security-Policy.

The pages allow `form-action 'self'`, and a browser holds the redirects after a form to it
as well. The step-up (ADR 0012) crosses services: an answer on the consent page is sent on
to notifications' code page, and the code typed there back to the page it came from. A
service names those origins here; every other form target stays refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from samen_kit.guards import HttpMiddleware

_CSP = b"content-security-policy"
_SELF = "form-action 'self'"


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def widen_form_action(policy: str, origins: Iterable[str]) -> str:
    """`policy` with `origins` beside 'self' in its form-action; any other policy as is."""
    extra = " ".join(sorted(set(origins)))
    if not extra or _SELF not in policy:
        return policy
    return policy.replace(_SELF, f"{_SELF} {extra}", 1)


class FormActionOrigins(HttpMiddleware):
    """ASGI middleware: the service's pages may send forms on to `origins` too."""

    def __init__(self, app: ASGIApp, origins: Iterable[str]) -> None:
        super().__init__(app)
        self._origins = tuple(origin_of(url) for url in origins)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [self._header(h) for h in message["headers"]]}
            await send(message)

        await self._app(scope, receive, sending)

    def _header(self, header: tuple[bytes, bytes]) -> tuple[bytes, bytes]:
        name, value = header
        if name.lower() != _CSP:
            return header
        return name, widen_form_action(value.decode("latin-1"), self._origins).encode("latin-1")
