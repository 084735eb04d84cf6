"""The audit service's errors as problems, in one place.

A leaf of another tenant gets the same 404 as a leaf that does not exist; the attempt
is counted for the trail as `other_tenant`.
"""

from collections.abc import Awaitable, Callable
from datetime import datetime

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from samen_contract.events.access import AccessRefusedReason, Credential
from samen_kit.problems import Conflict, Invalid, NotFound, Problem, problem_response

from samen_audit.domain.errors import (
    AuditError,
    BadPeriod,
    BadSizes,
    LeafNotFound,
    LeafOutsideTree,
    TreeTooLarge,
)
from samen_audit.entrypoints.routes import route_shape
from samen_audit.handlers.refusals import Attempt

CountAttempt = Callable[[Attempt], Awaitable[None]]


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


def install_error_handlers(app: FastAPI, count: CountAttempt, now: Callable[[], datetime]) -> None:
    async def on_audit_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AuditError)
        if isinstance(exc, LeafNotFound) and exc.elsewhere:
            await count(_other_tenant(request, exc, now))
        return problem_response(problem_for(exc), request.url.path)

    app.add_exception_handler(AuditError, on_audit_error)


def _other_tenant(request: Request, error: LeafNotFound, now: Callable[[], datetime]) -> Attempt:
    route = getattr(request.scope.get("route"), "path", None)
    return Attempt(
        at=now(),
        tenant=error.tenant,
        reason=AccessRefusedReason.OTHER_TENANT,
        credential=Credential.STAFF_TOKEN,
        shape=route_shape(request.method, route),
    )
