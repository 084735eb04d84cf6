"""The disputes service's errors as RFC 9457 problems: one table, installed by the kit.

Nothing has changed when one of these is answered: each use case runs in one unit of
work, and the error rolls it back. Misses (another tenant's dispute, one out of reach,
or none) and refusals of a caller with a valid credential (a role that may not) are
counted for the audit trail by the kit's refusal book.
"""

from typing import Any

from fastapi import FastAPI, Request
from samen_contract.envelope import PLATFORM_TENANT
from samen_kit.access.dependencies import accepted_tenant
from samen_kit.access.refusal_book import Hidden as KitHidden
from samen_kit.access.refusal_book import HiddenReason
from samen_kit.error_table import (
    Answer,
    Problems,
    counted_forbidden,
    counted_hidden,
    install_error_table,
)
from samen_kit.problems import Conflict, Forbidden, Invalid, NotFound

from samen_disputes.domain import (
    AdviceWithoutOutcome,
    DecisionWithoutOutcome,
    DepartureWithoutReasons,
    IllegalMove,
    MoveBeforeLastMove,
    MoveNotPermittedForRole,
    OpeningNotAllowed,
    PayloadNotForMove,
)
from samen_disputes.handlers import errors as service
from samen_disputes.handlers.errors import Hidden

_HIDDEN_REASONS = {
    Hidden.NOT_FOUND: HiddenReason.NOT_FOUND,
    Hidden.OTHER_TENANT: HiddenReason.OTHER_TENANT,
    Hidden.OUT_OF_SCOPE: HiddenReason.OUT_OF_SCOPE,
}


def _hidden(request: Request, error: service.NotFound) -> KitHidden:
    """Misses (also plain ones), under the hidden row's tenant, else the caller's."""
    tenant = error.tenant or accepted_tenant(request) or PLATFORM_TENANT
    return KitHidden(error.kind, _HIDDEN_REASONS[error.hidden], tenant=tenant)


def _moves(error: IllegalMove | MoveNotPermittedForRole) -> dict[str, Any]:
    return {"allowed_moves": [str(m) for m in error.allowed]}


def _stages(error: OpeningNotAllowed) -> dict[str, Any]:
    return {"allowed_stages": [str(s) for s in error.allowed]}


_NOT_NOW = "Deze stap kan nu niet"
PROBLEMS = Problems(
    {
        IllegalMove: Answer(Conflict, "move-not-allowed", _NOT_NOW, extra=_moves),
        MoveBeforeLastMove: Answer(Conflict, "move-not-allowed", _NOT_NOW),
        MoveNotPermittedForRole: Answer(
            Forbidden,
            "move-not-permitted",
            "Deze stap mag u niet zetten",
            extra=_moves,
            count=counted_forbidden,
        ),
        OpeningNotAllowed: Answer(
            Conflict, "opening-not-allowed", "Zo kan dit geschil niet beginnen", extra=_stages
        ),
        (
            DecisionWithoutOutcome,
            AdviceWithoutOutcome,
            DepartureWithoutReasons,
            PayloadNotForMove,
        ): Answer(Invalid, "move-incomplete", "Er ontbreekt iets bij deze stap"),
        service.NotFound: Answer(
            NotFound, detail=lambda e: f"{e.kind} niet gevonden", count=counted_hidden(_hidden)
        ),
        service.NoParentalAuthority: Answer(
            Forbidden,
            "no-parental-authority",
            "Alleen een ouder met gezag kan dit doen",
            count=counted_forbidden,
        ),
        (service.OppNotOfPupil, service.OppWithoutOppSubject, service.InvalidConfig): Answer(
            Invalid
        ),
    }
)


def install_error_handlers(app: FastAPI) -> None:
    install_error_table(app, PROBLEMS)
