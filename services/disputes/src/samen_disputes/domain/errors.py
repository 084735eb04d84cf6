"""Domain errors. The service maps them to problem responses in one place."""

from datetime import datetime

from samen_disputes.domain.actors import Role
from samen_disputes.domain.moves import CommitteeAdvice, DecisionOutcome, Move
from samen_disputes.domain.stages import Stage


class DisputeError(Exception):
    """Base of every rule the procedure enforces."""


class IllegalMove(DisputeError):
    """The move is not possible in this state (409); `allowed` lists what the role may do."""

    def __init__(self, move: Move, allowed: tuple[Move, ...]) -> None:
        self.move = move
        self.allowed = allowed
        listed = ", ".join(map(str, allowed)) or "none"
        super().__init__(f"move {move} is not possible now; allowed: {listed}")


class MoveNotPermittedForRole(DisputeError):
    """The move is possible, but not for this role (403)."""

    def __init__(self, move: Move, role: Role, allowed: tuple[Move, ...]) -> None:
        self.move = move
        self.role = role
        self.allowed = allowed
        super().__init__(f"role {role} may not make move {move}")


class OpeningNotAllowed(DisputeError):
    """A dispute cannot open in this stage, or not by this role."""

    def __init__(self, stage: Stage, role: Role, allowed: tuple[Stage, ...]) -> None:
        self.stage = stage
        self.role = role
        self.allowed = allowed
        super().__init__(f"role {role} cannot open a dispute in stage {stage}")


class DecisionWithoutOutcome(DisputeError):
    def __init__(self) -> None:
        super().__init__("a decision needs an outcome")


class AdviceWithoutOutcome(DisputeError):
    def __init__(self) -> None:
        super().__init__("the committee's advice needs its outcome")


class DepartureWithoutReasons(DisputeError):
    """The board departs from the committee's advice and gave no reasons."""

    def __init__(self, advice: CommitteeAdvice, outcome: DecisionOutcome) -> None:
        self.advice = advice
        self.outcome = outcome
        super().__init__(f"outcome {outcome} departs from advice {advice}: reasons are required")


class PayloadNotForMove(DisputeError):
    """An outcome or advice was given with a move that takes none."""

    def __init__(self, move: Move, field: str) -> None:
        self.move = move
        self.field = field
        super().__init__(f"move {move} takes no {field}")


class MoveBeforeLastMove(DisputeError):
    def __init__(self, at: datetime, last_moved_at: datetime) -> None:
        self.at = at
        self.last_moved_at = last_moved_at
        super().__init__(f"move at {at.isoformat()} precedes the last move")
