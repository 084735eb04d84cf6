"""RFC 9457 problem details: one error hierarchy, one place that renders it.

Handlers and dependencies raise a `Problem`; `install_problem_handlers` turns it (and
FastAPI's own validation and HTTP errors, and anything unexpected) into
`application/problem+json`. `type` is a stable URN that clients may switch on; `title`
is Dutch first and may change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any, ClassVar

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from samen_kit.transient import is_transient

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:samen:problem:"
_STANDARD_MEMBERS = frozenset({"type", "title", "status", "detail", "instance"})

_log = structlog.get_logger(__name__)


class Problem(Exception):
    """An error with an HTTP meaning. Subclasses name `status`, `slug` and `title` as
    class keywords (`class Gone(Problem, status=410, slug=..., title=...)`)."""

    status: ClassVar[int] = 500
    slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Er ging iets mis aan onze kant"

    def __init_subclass__(
        cls, *, status: int | None = None, slug: str | None = None, title: str | None = None
    ) -> None:
        super().__init_subclass__()
        # A subclass that names none of them keeps its parent's (or sets them in its body).
        if status is not None:
            cls.status = status
        if slug is not None:
            cls.slug = slug
        if title is not None:
            cls.title = title

    def __init__(
        self,
        detail: str | None = None,
        *,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        clash = _STANDARD_MEMBERS.intersection(extra or {})
        if clash:
            raise ValueError(f"extension members may not redefine {sorted(clash)}")
        self.detail = detail
        self.extra: dict[str, Any] = dict(extra or {})
        self.headers: dict[str, str] = dict(headers or {})

    @property
    def type(self) -> str:
        return TYPE_PREFIX + self.slug

    def body(self, instance: str | None = None) -> dict[str, Any]:
        """The problem document; extension members sit beside the standard ones."""
        document: dict[str, Any] = {"type": self.type, "title": self.title}
        document["status"] = self.status
        if self.detail is not None:
            document["detail"] = self.detail
        if instance is not None:
            document["instance"] = instance
        return {**document, **self.extra}


class NotFound(Problem, status=404, slug="not-found", title="Niet gevonden"):
    """Also the answer for another tenant's data: the two must look the same."""


class Conflict(Problem, status=409, slug="conflict", title="Dit kan nu niet"):
    """The request clashes with the current state; `allowed_moves` says what can."""

    def __init__(
        self,
        detail: str | None = None,
        *,
        allowed_moves: Sequence[str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        members = dict(extra or {})
        if allowed_moves is not None:
            members["allowed_moves"] = list(allowed_moves)
        super().__init__(detail, extra=members)


class Unauthorized(
    Problem, status=401, slug="unauthorized", title="Niet aangemeld of de link is niet geldig"
):
    """No valid sign-in, link or key."""


class Forbidden(Problem, status=403, slug="forbidden", title="Geen toegang"):
    """Signed in, but not allowed this."""


class Gone(Problem, status=410, slug="gone", title="Niet meer beschikbaar"):
    """It was there, and is no longer (an expired link, say)."""


class Invalid(Problem, status=422, slug="invalid", title="De gegevens kloppen niet"):
    """Only for malformed payloads; a clash with the state is a `Conflict`."""


class BadRequest(Problem, status=400, slug="bad-request", title="Dit verzoek kunnen we niet lezen"):
    """The request itself cannot be read (a control character in the query, say)."""


class TooLarge(Problem, status=413, slug="too-large", title="Dit is te groot"):
    """The body is larger than the route accepts."""


class Unavailable(Problem, status=503, slug="unavailable", title="Tijdelijk niet beschikbaar"):
    """Temporarily not available; the client may try again."""


# An OpenAPI `responses` member: status (or "default") to its description.
Responses = dict[int | str, dict[str, Any]]


def staff_route_problems(
    *, forbidden: str, not_found: str, conflict: str, invalid: str
) -> Responses:
    """The problems a staff API's routes document: the same statuses in every service,
    401 in the kit's words and the rest in the service's own."""
    return {
        401: {"description": "No valid staff token"},
        403: {"description": forbidden},
        404: {"description": not_found},
        409: {"description": conflict},
        422: {"description": invalid},
    }


def problem_response(problem: Problem, instance: str | None = None) -> JSONResponse:
    return JSONResponse(
        problem.body(instance),
        status_code=problem.status,
        headers=problem.headers,
        media_type=PROBLEM_JSON,
    )


def _instance(request: Request) -> str:
    return request.url.path


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return problem_response(exc, _instance(request))


def field_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Where and what, never the submitted value: it may hold personal data."""
    return [
        {"loc": list(error.get("loc", ())), "msg": error.get("msg"), "type": error.get("type")}
        for error in exc.errors()
    ]


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problem = Invalid(extra={"errors": field_errors(exc)})
    return problem_response(problem, _instance(request))


_KNOWN: tuple[type[Problem], ...] = (
    BadRequest,
    TooLarge,
    NotFound,
    Conflict,
    Unauthorized,
    Forbidden,
    Gone,
    Invalid,
    Unavailable,
)


def _type_and_title(status: int) -> tuple[str, str]:
    for cls in _KNOWN:
        if cls.status == status:
            return TYPE_PREFIX + cls.slug, cls.title
    phrase = HTTPStatus(status).phrase
    return TYPE_PREFIX + phrase.lower().replace(" ", "-"), phrase


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    """Framework errors (unknown route, wrong method) in the same shape."""
    assert isinstance(exc, StarletteHTTPException)
    type_, title = _type_and_title(exc.status_code)
    document = {"type": type_, "title": title, "status": exc.status_code}
    if isinstance(exc.detail, str) and exc.detail != HTTPStatus(exc.status_code).phrase:
        document["detail"] = exc.detail
    document["instance"] = _instance(request)
    return JSONResponse(
        document, status_code=exc.status_code, headers=exc.headers, media_type=PROBLEM_JSON
    )


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    if is_transient(exc):
        # The database is restarting or a retry resolves it: nothing was committed, so
        # the client may simply try again.
        _log.warning("http.transient_error", path=request.url.path, error=type(exc).__name__)
        response = problem_response(Unavailable(), _instance(request))
        response.headers["Retry-After"] = "1"
        return response
    _log.error("http.unexpected_error", path=request.url.path, exc_info=exc)
    return problem_response(Problem(), _instance(request))


def install_problem_handlers(app: FastAPI) -> None:
    """Render every error of `app` as problem JSON; internals never leave the process."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)


# The OpenAPI documents ------------------------------------------------------------

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "RFC 9457 problem details; `type` is stable, `title` is Dutch first.",
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "format": "uri-reference"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 100, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "description": "For 422: where and what, never the submitted value.",
            "items": {"type": "object"},
        },
    },
    "additionalProperties": True,
}

_DESCRIPTIONS: dict[int, str] = {
    400: "The request cannot be read",
    401: "Not signed in, or the link is not valid",
    403: "Not allowed",
    404: "Not found (also another tenant's item)",
    409: "Clashes with the current state",
    410: "No longer available",
    413: "The body is too large",
    422: "The data do not hold",
    503: "Temporarily unavailable; try again",
}
#: What every operation may answer (every route needs a sign-in, a link, or a key, or
#: may be refused to a tenant); the others are added where they apply.
_ALWAYS = (400, 401, 403, 404, 409, 422, 503)
_CHANGES = (413,)
_PAGES = (410,)
#: Where the parents' pages and short links live, in every service.
PAGE_PREFIXES = ("/ouders", "/l/")


def declare_problems(document: dict[str, Any]) -> dict[str, Any]:
    """Declare the problem answers on every operation of an OpenAPI `document`: the
    kit's edge and handlers give them, so they are part of every route's contract."""
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    shared = components.setdefault("responses", {})
    problem = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for status, description in _DESCRIPTIONS.items():
        shared[f"Problem{status}"] = {"description": description, "content": problem}
        # A parent's page answers a person: the same fault as a page in their language.
        shared[f"PageProblem{status}"] = {
            "description": description,
            "content": {**problem, "text/html": {"schema": {"type": "string"}}},
        }
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            statuses = set(_ALWAYS)
            if method not in ("get", "head", "options"):
                statuses.update(_CHANGES)
            kind = "Problem"
            if _is_page(path, operation):
                statuses.update(_PAGES)
                kind = "PageProblem"
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses):
                responses[str(status)] = {"$ref": f"#/components/responses/{kind}{status}"}
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    return document


def _is_page(path: str, operation: dict[str, Any]) -> bool:
    """A parent's page or link (they answer a person, possibly with HTML)."""
    return path.startswith(PAGE_PREFIXES) or any(
        "text/html" in response.get("content", {})
        for response in operation.get("responses", {}).values()
    )


def install_problem_openapi(app: FastAPI) -> None:
    """Make `app.openapi()` declare the problem answers (see `declare_problems`)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = declare_problems(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
