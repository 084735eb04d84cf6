"""The HTTP edge every service shares: refuses what no route can take before routing,
and answers anything unexpected with a problem without dropping the connection.

- a control character (NUL among them) in the path: 404 (no such resource can exist);
  in the query string: 400;
- a body larger than `max_body_bytes`: 413, also when the client sends no length;
- an exception no handler took: a 500 problem. Starlette's own last-resort handler
  answers and then re-raises, which makes the server close the keep-alive connection;
  this one answers and keeps it.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import unquote

import structlog
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from samen_kit.inputs import has_control_characters
from samen_kit.problems import (
    BadRequest,
    NotFound,
    Problem,
    TooLarge,
    Unavailable,
    problem_response,
)
from samen_kit.transient import is_transient

DEFAULT_MAX_BODY_BYTES: Final = 8 * 1024 * 1024  # a whole roster fits

_log = structlog.get_logger(__name__)


class _BodyTooLarge(StarletteHTTPException):
    """An HTTP error, so the framework's body reading passes it on unchanged."""

    def __init__(self) -> None:
        super().__init__(status_code=413)


class HttpMiddleware:
    """Pure ASGI middleware that acts on HTTP requests only: anything else (the
    lifespan, a websocket) passes through untouched. Subclasses write `handle`."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class EdgeGuard:
    """Pure ASGI middleware; the outermost of the user middleware."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        refused = self._refuse(scope)
        if refused is not None:
            await problem_response(refused, path)(scope, receive, send)
            return

        started = False
        received = 0

        async def guarded_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _BodyTooLarge
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, guarded_receive, tracked_send)
        except Exception as exc:
            if started:
                raise  # half a response went out: only closing the connection is honest
            await problem_response(_problem_for(exc, path), path)(scope, receive, send)

    def _refuse(self, scope: Scope) -> Problem | None:
        if has_control_characters(scope.get("path", "")):
            return NotFound("Dit adres bestaat niet.")
        query = unquote(scope.get("query_string", b"").decode("latin-1"))
        if has_control_characters(query):
            return BadRequest("Het adres bevat tekens die niet kunnen.")
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    return BadRequest("Content-Length is geen getal.")
                if length > self.max_body_bytes:
                    return TooLarge(extra={"max_bytes": self.max_body_bytes})
        return None


def _problem_for(exc: Exception, path: str) -> Problem:
    if isinstance(exc, _BodyTooLarge):
        return TooLarge()
    if isinstance(exc, Problem):
        return exc
    if is_transient(exc):
        _log.warning("http.transient_error", path=path, error=type(exc).__name__)
        return Unavailable(headers={"Retry-After": "1"})
    _log.error("http.unexpected_error", path=path, exc_info=exc)
    return Problem()
