"""The meetings service's errors as RFC 9457 problems: one table, installed by the kit.

- `UnknownResource` and `ForeignReference` → 404 (another tenant's data looks exactly
  like data that does not exist; the refusal is recorded as what it was);
- `InvalidInput` → 422, `StateConflict` and `ConsentRequired` → 409.
The problem `type` ends in the domain error's stable code. A miss on a parent page is
answered with the not-found page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from samen_kit.access.refusal_book import Hidden, HiddenReason
from samen_kit.error_table import Answer, Problems, counted_hidden, install_error_table, own_slug
from samen_kit.problems import Conflict, Invalid, NotFound, Problem
from starlette.responses import Response

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


def _members(error: MeetingsError) -> dict[str, Any]:
    found = {name: getattr(error, name) for name in _MEMBERS if hasattr(error, name)}
    return {name: _jsonable(value) for name, value in found.items()}


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list | frozenset | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, bool | int | float) or value is None:
        return value
    return str(value)


def _holds(error: ConsentRequired) -> dict[str, Any]:
    holds = [
        {"purpose": r.purpose.value, "gap": r.gap.value, "role": r.role and r.role.value}
        for r in error.reasons
    ]
    return {"holds": holds}


_HIDDEN = {
    Miss.NOT_FOUND: HiddenReason.NOT_FOUND,
    Miss.OTHER_TENANT: HiddenReason.OTHER_TENANT,
    Miss.OUT_OF_SCOPE: HiddenReason.OUT_OF_SCOPE,
}


def _hidden(request: Request, error: UnknownResource) -> Hidden:
    return Hidden(error.kind, _HIDDEN[error.miss], tenant=error.tenant)


_CODE = own_slug()
PROBLEMS = Problems(
    {
        ConsentRequired: Answer(Conflict, _CODE, extra=_holds),
        ForeignReference: Answer(NotFound, _CODE, extra=_members),
        StateConflict: Answer(Conflict, _CODE, extra=_members),
        InvalidInput: Answer(Invalid, _CODE, extra=_members),
        UnknownResource: Answer(NotFound, detail=lambda _: None, count=counted_hidden(_hidden)),
    }
)

PageRenderer = Callable[[Request], Response]


def install_error_handlers(
    app: FastAPI, *, pages_prefix: str, page_not_found: PageRenderer
) -> None:
    """Parent pages answer a miss with a page; the API with problem JSON. Every miss is
    counted for the trail by the kit's refusal book (a plain one as `not_found`)."""

    def page(request: Request, status: int, problem: Problem | None) -> Response | None:
        miss = type(problem) is NotFound and request.url.path.startswith(pages_prefix)
        return page_not_found(request) if miss else None

    install_error_table(app, PROBLEMS, pages=page, everywhere=False)
