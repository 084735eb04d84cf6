"""The audit service's errors as problems, in one place.

A leaf of another tenant gets the same 404 as a leaf that does not exist; the attempt
is counted for the trail as `other_tenant` (a plain miss as `not_found`).
"""

from fastapi import FastAPI, Request
from fastapi.responses import Response
from samen_kit.access.refusal_book import Hidden, HiddenReason, refusal_book_of
from samen_kit.problems import Conflict, Invalid, NotFound, Problem, problem_response

from samen_audit.domain.errors import (
    AuditError,
    BadPeriod,
    BadSizes,
    LeafNotFound,
    LeafOutsideTree,
    TreeTooLarge,
)


def problem_for(error: AuditError) -> Problem:
    if isinstance(error, LeafNotFound):
        return NotFound("Deze vermelding staat niet in het logboek.")
    if isinstance(error, TreeTooLarge):
        return Conflict(
            f"Het logboek telt {error.size} vermeldingen, niet {error.asked}.",
            extra={"tree_size": error.size},
        )
    if isinstance(error, LeafOutsideTree):
        return Conflict(
            f"Vermelding {error.index} valt buiten de boom van grootte {error.size}.",
            extra={"leaf_index": error.index, "tree_size": error.size},
        )
    if isinstance(error, BadSizes | BadPeriod):
        return Invalid(str(error))
    return Problem()


def install_error_handlers(app: FastAPI) -> None:
    async def on_audit_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, AuditError)
        if isinstance(exc, LeafNotFound):
            why = HiddenReason.OTHER_TENANT if exc.elsewhere else HiddenReason.NOT_FOUND
            await refusal_book_of(request).hidden(request, Hidden("leaf", why, tenant=exc.tenant))
        return problem_response(problem_for(exc), request.url.path)

    app.add_exception_handler(AuditError, on_audit_error)
