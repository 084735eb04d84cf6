"""Domain errors. The service maps them to problem responses in one place.

Each rule is declared with the kit's `DomainError`: its message and the fields it names;
a rule whose message is computed keeps its own constructor.
"""

from datetime import datetime

from samen_kit.domain_errors import DomainError

from samen_disputes.domain.actors import Role
from samen_disputes.domain.moves import CommitteeAdvice, DecisionOutcome, Move
from samen_disputes.domain.stages import Stage


class DisputeError(DomainError):
    """Base of every rule the procedure enforces."""


class IllegalMove(DisputeError):
    """The move is not possible in this state (409); `allowed` lists what the role may do."""

    def __init__(self, move: Move, allowed: tuple[Move, ...]) -> None:
        self.move = move
        self.allowed = allowed
        listed = ", ".join(map(str, allowed)) or "none"
        super().__init__(f"move {move} is not possible now; allowed: {listed}")


class MoveNotPermittedForRole(DisputeError, message="role {role} may not make move {move}"):
    """The move is possible, but not for this role (403)."""

    move: Move
    role: Role
    allowed: tuple[Move, ...]


class OpeningNotAllowed(DisputeError, message="role {role} cannot open a dispute in stage {stage}"):
    """A dispute cannot open in this stage, or not by this role."""

    stage: Stage
    role: Role
    allowed: tuple[Stage, ...]


class DecisionWithoutOutcome(DisputeError, message="a decision needs an outcome"): ...


class AdviceWithoutOutcome(DisputeError, message="the committee's advice needs its outcome"): ...


class DepartureWithoutReasons(
    DisputeError, message="outcome {outcome} departs from advice {advice}: reasons are required"
):
    """The board departs from the committee's advice and gave no reasons."""

    advice: CommitteeAdvice
    outcome: DecisionOutcome


class PayloadNotForMove(DisputeError, message="move {move} takes no {field}"):
    """An outcome or advice was given with a move that takes none."""

    move: Move
    field: str


class MoveBeforeLastMove(DisputeError):
    def __init__(self, at: datetime, last_moved_at: datetime) -> None:
        self.at = at
        self.last_moved_at = last_moved_at
        super().__init__(f"move at {at.isoformat()} precedes the last move")
