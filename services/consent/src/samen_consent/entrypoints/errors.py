"""The one place where errors become answers: RFC 9457 problems, or a page for parents.

Domain errors keep their own problem type (`urn:samen:problem:<slug>`); the status
follows the kind of error (404 not found, 403 not theirs to do, 409 the state does not
allow it, 422 malformed). A lookup that found nothing is recorded for the audit trail
before it is answered. Requests under `/ouders/` that accept HTML get a plain page in
Dutch and the parent's language, with the same status.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from samen_kit.access.refusal_book import refusal_book_of
from samen_kit.pages import PageRenderer, language_of
from samen_kit.problems import Conflict, Forbidden, Invalid, NotFound, Problem
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from samen_consent.domain import errors as domain
from samen_consent.entrypoints.refusals import hidden_of
from samen_consent.handlers import errors as service
from samen_consent.handlers.context import Context
from samen_consent.handlers.roster import SchoolOfOtherBoard

PAGES_PREFIX = "/ouders"
Handler = Callable[[Request, Exception], Awaitable[Response]]

_KIND: dict[type[domain.ConsentError], type[Problem]] = {
    domain.UnknownPurpose: NotFound,
    domain.InvalidPurpose: Invalid,
    domain.InvalidEvidence: Invalid,
    domain.InvalidSupportNeeds: Invalid,
    domain.NotAParty: Forbidden,
    domain.NoAuthority: Forbidden,
    domain.NoPartyToAsk: Conflict,
    domain.AlreadyAnswered: Conflict,
    domain.NothingToWithdraw: Conflict,
    domain.RequestClosed: Conflict,
    domain.RequestAlreadyOpen: Conflict,
    domain.ConsentStillValid: Conflict,
    domain.OutOfOrder: Conflict,
}
_PAGE_MESSAGE = {
    401: "error_link",
    403: "error_no_authority",
    404: "error_not_found",
    409: "error_conflict",
    422: "error_input",
}


_CLASSES: dict[tuple[str, str], type[Problem]] = {}


def problem_class(base: type[Problem], slug: str) -> type[Problem]:
    """A problem type of its own for each rule, on the status its kind has."""
    key = (base.__name__, slug)
    if key not in _CLASSES:
        _CLASSES[key] = type(f"{base.__name__}:{slug}", (base,), {"slug": slug})
    return _CLASSES[key]


def problem_of(error: Exception) -> Problem:
    match error:
        case domain.ConsentError():
            base = next((_KIND[c] for c in type(error).__mro__ if c in _KIND), Conflict)
            return problem_class(base, error.slug)(str(error), extra=_extra(error))
        case service.NotVisible():
            return NotFound(f"no {error.kind.value} with this id")
        case service.PupilHasLeft():
            return problem_class(Conflict, "pupil-left")(str(error))
        case service.PurposeExists():
            return problem_class(Conflict, "purpose-exists")(str(error))
        case service.ConcurrentChange():
            return problem_class(Conflict, "concurrent-change")(str(error))
        case SchoolOfOtherBoard():
            return problem_class(Conflict, "school-of-other-board")(
                "the school is on the roster under another board"
            )
    return Problem()


def _extra(error: domain.ConsentError) -> dict[str, Any]:
    match error:
        case domain.RequestAlreadyOpen():
            return {"open_request_id": str(error.open_request_id), "allowed_moves": ["cancel"]}
        case domain.ConsentStillValid():
            return {"request_id": str(error.request_id), "allowed_moves": ["withdraw"]}
        case domain.RequestClosed():
            return {"state": str(error.state)}
    return {}


def install_error_handlers(app: FastAPI, pages: PageRenderer, ctx: Context) -> None:
    """Call after `create_app`: it wraps the kit's problem handlers."""
    kit: dict[Any, Handler] = dict(app.exception_handlers)  # type: ignore[arg-type]

    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Problem)
        if _wants_page(request):
            link_fault = "reason" in exc.extra  # the access kit's refusals name one
            return _page(pages, request, exc.status, "error_link" if link_fault else None)
        return await kit[Problem](request, exc)

    async def on_framework(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, StarletteHTTPException) else 422
        if _wants_page(request):
            return _page(pages, request, status)
        handler = next(kit[c] for c in type(exc).__mro__ if c in kit)
        return await handler(request, exc)

    async def on_not_visible(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, service.NotVisible)
        await refusal_book_of(request).hidden(request, await hidden_of(ctx, exc))
        return await on_problem(request, problem_of(exc))

    async def on_service_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, domain.NoAuthority):  # read or act: the same refusal, counted
            await refusal_book_of(request).forbidden(request)
        return await on_problem(request, problem_of(exc))

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(RequestValidationError, on_framework)
    app.add_exception_handler(StarletteHTTPException, on_framework)
    app.add_exception_handler(service.NotVisible, on_not_visible)
    for error in (
        domain.ConsentError,
        service.PupilHasLeft,
        service.PurposeExists,
        service.ConcurrentChange,
        SchoolOfOtherBoard,
    ):
        app.add_exception_handler(error, on_service_error)


def _is_page(request: Request) -> bool:
    return request.url.path.startswith(PAGES_PREFIX)


def _wants_page(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return _is_page(request) and ("text/html" in accept or "json" not in accept)


def _page(
    pages: PageRenderer, request: Request, status: int, message_key: str | None = None
) -> Response:
    language = language_of(request)
    return pages.message(
        request,
        "error_title",
        message_key or _PAGE_MESSAGE.get(status, "error_other"),
        status_code=status,
        back=_back(request.url.path, language) if status != 401 else None,
        back_phrase="back",
        alert=True,
        language=language,
    )


def _back(path: str, language: str) -> str | None:
    """From an action on a request, back to the request's page (the session carries on)."""
    parts = path.split("/")
    if len(parts) > 4 and parts[2] == "toestemming":
        return f"{'/'.join(parts[:4])}?taal={language}"
    return None
