"""The disputes service's errors as RFC 9457 problems: one table, installed by the kit.

Nothing has changed when one of these is answered: each use case runs in one unit of
work, and the error rolls it back. Misses (another tenant's dispute, one out of reach,
or none) and refusals of a caller with a valid credential (a role that may not) are
counted for the audit trail by the kit's refusal book.
"""

from typing import Any

from fastapi import FastAPI
from samen_kit.error_table import (
    Answer,
    Problems,
    counted_forbidden,
    install_error_table,
)
from samen_kit.problems import Conflict, Forbidden, Invalid

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
