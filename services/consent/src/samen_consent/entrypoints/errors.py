"""The consent service's errors as answers: one table, installed by the kit.

Domain errors keep their own problem type (`urn:samen:problem:<slug>`); the status
follows the kind of error (404 not found, 403 not theirs to do, 409 the state does not
allow it, 422 malformed). A lookup that found nothing is recorded for the audit trail
before it is answered. Requests under `/ouders/` that accept HTML get a plain page in
Dutch and the parent's language, with the same status.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from samen_kit.access.refusal_book import Hidden
from samen_kit.error_table import (
    Answer,
    ErrorPages,
    Problems,
    back_to_case,
    counted_forbidden,
    counted_hidden,
    install_error_table,
    own_slug,
)
from samen_kit.pages import PageRenderer
from samen_kit.problems import Conflict, Forbidden, Invalid, NotFound

from samen_consent.domain import errors as domain
from samen_consent.entrypoints.refusals import hidden_of
from samen_consent.entrypoints.wiring import wiring_of
from samen_consent.handlers import errors as service
from samen_consent.handlers.roster import SchoolOfOtherBoard


async def _hidden(request: Request, error: service.NotVisible) -> Hidden:
    return await hidden_of(wiring_of(request).ctx, error)


def _open(error: domain.RequestAlreadyOpen) -> dict[str, Any]:
    return {"open_request_id": str(error.open_request_id), "allowed_moves": ["cancel"]}


def _valid(error: domain.ConsentStillValid) -> dict[str, Any]:
    return {"request_id": str(error.request_id), "allowed_moves": ["withdraw"]}


_SLUG = own_slug()
PROBLEMS = Problems(
    {
        domain.ConsentError: Answer(Conflict, _SLUG),
        domain.UnknownPurpose: Answer(NotFound, _SLUG),
        (
            domain.InvalidPurpose,
            domain.InvalidEvidence,
            domain.InvalidSupportNeeds,
            domain.SubjectRequired,
            domain.SubjectMismatch,
        ): Answer(Invalid, _SLUG),
        domain.NotAParty: Answer(Forbidden, _SLUG),
        # read or act: the same refusal, counted
        domain.NoAuthority: Answer(Forbidden, _SLUG, count=counted_forbidden),
        domain.RequestClosed: Answer(Conflict, _SLUG, extra=lambda e: {"state": str(e.state)}),
        domain.RequestAlreadyOpen: Answer(Conflict, _SLUG, extra=_open),
        domain.ConsentStillValid: Answer(Conflict, _SLUG, extra=_valid),
        service.NotVisible: Answer(
            NotFound,
            detail=lambda e: f"no {e.kind.value} with this id",
            count=counted_hidden(_hidden),
        ),
        service.PupilHasLeft: Answer(Conflict, "pupil-left"),
        service.PurposeExists: Answer(Conflict, "purpose-exists"),
        service.ConcurrentChange: Answer(Conflict, "concurrent-change"),
        SchoolOfOtherBoard: Answer(
            Conflict,
            "school-of-other-board",
            detail=lambda _: "the school is on the roster under another board",
        ),
    }
)


def install_error_handlers(app: FastAPI, pages: PageRenderer) -> None:
    """Call after `create_app`: parent pages get a page for the kit's faults too."""
    error_pages = ErrorPages(pages, link_fault="error_link", back=back_to_case("toestemming"))
    install_error_table(app, PROBLEMS, pages=error_pages)
