"""Response headers of every page: a strict Content-Security-Policy (no inline script or
style; forms post only here or to the identity provider's sign-out), no framing, no
sniffing, no referrer leaving the site, no caching of pages with personal data."""

from __future__ import annotations

from urllib.parse import urlsplit

from samen_kit.guards import HttpMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Parent pages: their inline stylesheet is allowed by its hash in their own policy.
PARENT_PAGES = "/ouders/"


def content_security_policy(issuer: str | None) -> str:
    forms = "'self'"
    if issuer:
        parts = urlsplit(issuer)
        forms += f" {parts.scheme}://{parts.netloc}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            f"form-action {forms}",
        ]
    )


class SecurityHeaders(HttpMiddleware):
    def __init__(self, app: ASGIApp, *, issuer: str | None) -> None:
        super().__init__(app)
        self._headers = [
            (b"content-security-policy", content_security_policy(issuer).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"same-origin"),
        ]

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if path.startswith(PARENT_PAGES):  # the kit's page renderer sets their own headers
            await self._app(scope, receive, send)
            return
        is_static = path.startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += self._headers
                if not is_static:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self._app(scope, receive, with_headers)
