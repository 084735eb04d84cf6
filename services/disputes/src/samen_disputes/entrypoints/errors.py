"""The one place where domain and service errors become RFC 9457 problems.

Nothing has changed when one of these is answered: each use case runs in one unit of
work, and the error rolls it back. Misses (another tenant's dispute, one out of reach,
or none) and refusals of a caller with a valid credential (a role that may not) are
counted for the audit trail by the kit's refusal book.
"""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from samen_contract.envelope import PLATFORM_TENANT
from samen_kit.access.dependencies import accepted_tenant
from samen_kit.access.refusal_book import Hidden as KitHidden
from samen_kit.access.refusal_book import HiddenReason, refusal_book_of
from samen_kit.problems import Conflict, Forbidden, Invalid, NotFound, Problem, problem_response

from samen_disputes.domain import (
    AdviceWithoutOutcome,
    DecisionWithoutOutcome,
    DepartureWithoutReasons,
    DisputeError,
    IllegalMove,
    MoveBeforeLastMove,
    MoveNotPermittedForRole,
    OpeningNotAllowed,
    PayloadNotForMove,
)
from samen_disputes.handlers import errors as service
from samen_disputes.handlers.errors import Hidden


class MoveNotAllowed(Conflict):
    slug = "move-not-allowed"
    title = "Deze stap kan nu niet"


class RoleMayNotMove(Forbidden):
    slug = "move-not-permitted"
    title = "Deze stap mag u niet zetten"


class OpeningRefused(Conflict):
    slug = "opening-not-allowed"
    title = "Zo kan dit geschil niet beginnen"


class MoveIncomplete(Invalid):
    slug = "move-incomplete"
    title = "Er ontbreekt iets bij deze stap"


class NoAuthority(Forbidden):
    slug = "no-parental-authority"
    title = "Alleen een ouder met gezag kan dit doen"


def _moves(moves: tuple[object, ...]) -> list[str]:
    return [str(m) for m in moves]


def domain_problem(error: DisputeError) -> Problem:
    match error:
        case IllegalMove():
            return MoveNotAllowed(str(error), allowed_moves=_moves(error.allowed))
        case MoveNotPermittedForRole():
            return RoleMayNotMove(str(error), extra={"allowed_moves": _moves(error.allowed)})
        case OpeningNotAllowed():
            stages = [str(s) for s in error.allowed]
            return OpeningRefused(str(error), extra={"allowed_stages": stages})
        case MoveBeforeLastMove():
            return MoveNotAllowed(str(error))
        case (
            DecisionWithoutOutcome()
            | AdviceWithoutOutcome()
            | DepartureWithoutReasons()
            | PayloadNotForMove()
        ):
            return MoveIncomplete(str(error))
    return Problem()


def service_problem(error: service.ServiceError) -> Problem:
    match error:
        case service.NotFound():
            return NotFound(f"{error.kind} niet gevonden")
        case service.NoParentalAuthority():
            return NoAuthority(str(error))
        case service.OppNotOfPupil() | service.OppWithoutOppSubject() | service.InvalidConfig():
            return Invalid(str(error))
    return Problem()


_HIDDEN_REASONS = {
    Hidden.NOT_FOUND: HiddenReason.NOT_FOUND,
    Hidden.OTHER_TENANT: HiddenReason.OTHER_TENANT,
    Hidden.OUT_OF_SCOPE: HiddenReason.OUT_OF_SCOPE,
}


async def _count_refusal(request: Request, error: Exception) -> None:
    """Misses (also plain ones) and refusals of a proven caller, for the trail."""
    book = refusal_book_of(request)
    if isinstance(error, service.NotFound):
        tenant = error.tenant or _caller_tenant(request) or PLATFORM_TENANT
        kit = KitHidden(error.kind, _HIDDEN_REASONS[error.hidden], tenant=tenant)
        await book.hidden(request, kit)
    elif isinstance(error, MoveNotPermittedForRole | service.NoParentalAuthority):
        await book.forbidden(request)


def install_error_handlers(app: FastAPI) -> None:
    async def on_error(request: Request, exc: Exception) -> JSONResponse:
        await _count_refusal(request, exc)
        if isinstance(exc, DisputeError):
            problem = domain_problem(exc)
        else:
            assert isinstance(exc, service.ServiceError)
            problem = service_problem(exc)
        return problem_response(problem, request.url.path)

    app.add_exception_handler(DisputeError, on_error)
    app.add_exception_handler(service.ServiceError, on_error)


def _caller_tenant(request: Request) -> str | None:
    """The tenant the request's credential proved."""
    return accepted_tenant(request)
