"""Domain errors to RFC 9457 problems, in one place.

- `UnknownResource` and `ForeignReference` → 404 (another tenant's data looks exactly
  like data that does not exist; the refusal is recorded as what it was);
- `InvalidInput` → 422, `StateConflict` and `ConsentRequired` → 409.
The problem `type` ends in the domain error's stable code.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from samen_kit.access.refusal_book import Hidden, HiddenReason, refusal_book_of
from samen_kit.problems import Conflict, Invalid, NotFound, Problem, problem_response

from samen_meetings.domain.errors import (
    ConsentRequired,
    ForeignReference,
    InvalidInput,
    MeetingsError,
    StateConflict,
)
from samen_meetings.handlers.lookups import Miss, UnknownResource

# Attributes of domain errors that are safe to echo: codes, ids, fields, never free text.
_MEMBERS: tuple[str, ...] = (
    "field",
    "missing",
    "problem",
    "limit",
    "kind",
    "role",
    "roles",
    "one_of",
)
_MEMBERS += ("agreement_id", "person_id", "person_ids", "meeting_id", "opp_id", "subject_id")
_MEMBERS += ("language", "latest")


@cache
def _problem_class(base: type[Problem], slug: str) -> type[Problem]:
    return type(f"{base.__name__}:{slug}", (base,), {"slug": slug})


def _members(error: MeetingsError) -> dict[str, Any]:
    found = {name: getattr(error, name) for name in _MEMBERS if hasattr(error, name)}
    return {name: _jsonable(value) for name, value in found.items()}


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list | frozenset | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, bool | int | float) or value is None:
        return value
    return str(value)


def problem_of(error: MeetingsError) -> Problem:
    if isinstance(error, ConsentRequired):
        holds = [
            {"purpose": r.purpose.value, "gap": r.gap.value, "role": r.role and r.role.value}
            for r in error.reasons
        ]
        return _problem_class(Conflict, error.code)(str(error), extra={"holds": holds})
    if isinstance(error, ForeignReference):
        return _problem_class(NotFound, error.code)(str(error), extra=_members(error))
    if isinstance(error, StateConflict):
        return _problem_class(Conflict, error.code)(str(error), extra=_members(error))
    if isinstance(error, InvalidInput):
        return _problem_class(Invalid, error.code)(str(error), extra=_members(error))
    return Problem()


PageRenderer = Callable[[Request], Response]
_HIDDEN = {
    Miss.NOT_FOUND: HiddenReason.NOT_FOUND,
    Miss.OTHER_TENANT: HiddenReason.OTHER_TENANT,
    Miss.OUT_OF_SCOPE: HiddenReason.OUT_OF_SCOPE,
}


def install_error_handlers(
    app: FastAPI, *, pages_prefix: str, page_not_found: PageRenderer
) -> None:
    """Parent pages answer a miss with a page; the API with problem JSON. Every miss is
    counted for the trail by the kit's refusal book (a plain one as `not_found`)."""

    async def on_domain_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, MeetingsError)
        return problem_response(problem_of(exc), request.url.path)

    async def on_unknown(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, UnknownResource)
        hidden = Hidden(exc.kind, _HIDDEN[exc.miss], tenant=exc.tenant)
        await refusal_book_of(request).hidden(request, hidden)
        if request.url.path.startswith(pages_prefix):
            return page_not_found(request)
        return problem_response(NotFound(), request.url.path)

    app.add_exception_handler(MeetingsError, on_domain_error)
    app.add_exception_handler(UnknownResource, on_unknown)
