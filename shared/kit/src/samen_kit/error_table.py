"""Domain errors as RFC 9457 problems: declared once per service, installed by the kit.

A service declares an `ErrorTable`: each of its error classes (or a tuple of them) →
an `Answer` (the kit problem kind, hence the status; the slug of its
`urn:samen:problem:<slug>` type; optionally a title, the detail, extension members and
a refusal to count for the trail). `install_error_table` registers one handler for
all of them. Routes raise domain errors; no route builds an HTTP problem.

The most specific class in the table answers (subclasses inherit their base's row);
`own_slug` lets each subclass keep a slug of its own on its base's status.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from samen_kit.access.refusal_book import Hidden, refusal_book_of
from samen_kit.pages import PageRenderer, language_of
from samen_kit.problems import Invalid, NotFound, Problem, problem_response

Counter = Callable[[Request, Any], Awaitable[None]]
#: A page for a fault (`problem` is None for the framework's own errors), or None for JSON.
PageOf = Callable[[Request, int, Problem | None], Response | None]
Handler = Callable[[Request, Exception], Awaitable[Response]]


def own_slug(attribute: str = "slug") -> Callable[[type], str]:
    """Each class's own slug, read from its class attribute."""
    return lambda cls: str(getattr(cls, attribute))


@dataclass(frozen=True)
class Answer:
    """How one error class is answered. `slug` None: the kind's own (plain `NotFound`)."""

    kind: type[Problem]
    slug: str | Callable[[type], str] | None = None
    title: str | None = None
    detail: Callable[[Any], str | None] = str
    extra: Callable[[Any], Mapping[str, Any]] | None = None
    count: Counter | None = None


ErrorTable = Mapping[type[Exception] | tuple[type[Exception], ...], Answer]


class Absent(Exception):
    """A plain lookup miss, in every service's table: the kit's 404 (`not-found`)."""

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or "not found")
        self.detail = detail


class Unusable(Exception):
    """Input a route cannot use, in every service's table: the kit's 422 (`invalid`)."""

    def __init__(self, detail: str, *, extra: Mapping[str, Any] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = dict(extra or {})


KIT_TABLE: ErrorTable = {
    Absent: Answer(NotFound, detail=lambda e: e.detail),
    Unusable: Answer(Invalid, extra=lambda e: e.extra),
    # Absent, another tenant's or out of reach: answered alike, counted by what it hid.
    Hidden: Answer(
        NotFound,
        detail=lambda e: f"{e.kind} niet gevonden",
        count=lambda request, error: refusal_book_of(request).hidden(request, error),
    ),
}


_CLASSES: dict[tuple[str, str, str | None], type[Problem]] = {}


def _problem_class(kind: type[Problem], slug: str, title: str | None) -> type[Problem]:
    """One problem class per (kind, slug, title), shared by every table."""
    if slug == kind.slug and title is None:
        return kind
    key = (kind.__name__, slug, title)
    if key not in _CLASSES:
        members: dict[str, Any] = {"slug": slug} | ({"title": title} if title else {})
        _CLASSES[key] = type(f"{kind.__name__}:{slug}", (kind,), members)
    return _CLASSES[key]


class Problems:
    """A service's declared table, looked up by class (most specific row first)."""

    def __init__(self, table: ErrorTable) -> None:
        self.rows: dict[type[Exception], Answer] = {}
        for key, answer in {**KIT_TABLE, **table}.items():
            for cls in key if isinstance(key, tuple) else (key,):
                self.rows[cls] = answer

    def answer(self, cls: type[BaseException]) -> Answer:
        found = next((self.rows[c] for c in cls.__mro__ if c in self.rows), None)
        if found is None:
            raise LookupError(f"{cls.__name__} is not in the error table")
        return found

    def problem_class(self, cls: type[BaseException]) -> type[Problem]:
        answer = self.answer(cls)
        slug = answer.slug(cls) if callable(answer.slug) else answer.slug
        return _problem_class(answer.kind, slug or answer.kind.slug, answer.title)

    def problem_of(self, error: BaseException) -> Problem:
        answer = self.answer(type(error))
        extra = answer.extra(error) if answer.extra else None
        return self.problem_class(type(error))(answer.detail(error), extra=extra)


def counted_hidden(hidden_of: Callable[[Request, Any], Awaitable[Hidden] | Hidden]) -> Counter:
    """Count a miss answered as 404 under what it hid (a plain miss counts nowhere)."""

    async def count(request: Request, error: Any) -> None:
        hidden = hidden_of(request, error)
        if not isinstance(hidden, Hidden):
            hidden = await hidden
        await refusal_book_of(request).hidden(request, hidden)

    return count


async def counted_forbidden(request: Request, error: Any) -> None:
    """Count a proven caller the service refused (`forbidden_role`)."""
    await refusal_book_of(request).forbidden(request)


def install_error_table(
    app: FastAPI,
    table: ErrorTable | Problems,
    *,
    pages: PageOf | None = None,
    everywhere: bool = True,
) -> Problems:
    """Answer every error in `table` (counted first where its row says so). With
    `pages`, a page it gives replaces problem JSON — for the table's errors, and (unless
    not `everywhere`; call after `create_app`) for the kit's problems and the
    framework's errors as well."""
    problems = table if isinstance(table, Problems) else Problems(table)
    kit: dict[Any, Handler] = dict(app.exception_handlers)  # type: ignore[arg-type]

    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Problem)
        page = pages and pages(request, exc.status, exc)
        return page or problem_response(exc, request.url.path)

    async def on_framework(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, StarletteHTTPException) else 422
        page = pages and pages(request, status, None)
        return page or await next(kit[c] for c in type(exc).__mro__ if c in kit)(request, exc)

    async def on_error(request: Request, exc: Exception) -> Response:
        answer = problems.answer(type(exc))
        if answer.count is not None:
            await answer.count(request, exc)
        return await on_problem(request, problems.problem_of(exc))

    if pages is not None and everywhere:
        app.add_exception_handler(Problem, on_problem)
        app.add_exception_handler(RequestValidationError, on_framework)
        app.add_exception_handler(StarletteHTTPException, on_framework)
    for cls in problems.rows:
        app.add_exception_handler(cls, on_error)
    return problems


#: The sentence a parent page shows per status (each service's phrases carry them).
PARENT_MESSAGES: Mapping[int, str] = MappingProxyType(
    {
        401: "error_link",
        403: "error_no_authority",
        404: "error_not_found",
        409: "error_conflict",
        422: "error_input",
    }
)


def back_to_case(segment: str) -> Callable[[str, str], str | None]:
    """From a form on `/ouders/<segment>/<id>/...`, back to that case's page (the
    session carries on)."""

    def back(path: str, language: str) -> str | None:
        parts = path.split("/")
        if len(parts) > 4 and parts[2] == segment:
            return f"{'/'.join(parts[:4])}?taal={language}"
        return None

    return back


@dataclass(frozen=True)
class ErrorPages:
    """Parent pages under `prefix` that accept HTML get a page in the parent's language
    with the fault's status; `messages` names the sentence per status."""

    renderer: PageRenderer
    messages: Mapping[int, str] = field(default_factory=lambda: PARENT_MESSAGES)
    prefix: str = "/ouders"
    heading: str = "error_title"
    other: str = "error_other"
    #: The sentence for a refused link (the access kit's refusals name a `reason`).
    link_fault: str | None = None
    back: Callable[[str, str], str | None] | None = None
    no_back: frozenset[int] = field(default_factory=lambda: frozenset({401}))

    def __call__(self, request: Request, status: int, problem: Problem | None) -> Response | None:
        accept = request.headers.get("accept", "")
        if not request.url.path.startswith(self.prefix):
            return None
        if "text/html" not in accept and "json" in accept:
            return None
        message = self.messages.get(status, self.other)
        if self.link_fault and problem is not None and "reason" in problem.extra:
            message = self.link_fault
        language = language_of(request)
        back = self.back(request.url.path, language) if self.back else None
        return self.renderer.message(
            request,
            self.heading,
            message,
            status_code=status,
            back=None if status in self.no_back else back,
            back_phrase="back",
            alert=True,
            language=language,
        )
