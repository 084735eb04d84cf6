"""Moves of the procedure, and the outcomes a decision or the committee's advice can have."""

from dataclasses import dataclass
from enum import StrEnum

from samen_disputes.domain.stages import Stage


class Action(StrEnum):
    ENTER = "enter"  # enter a stage (with a target stage)
    # The committee asked the board for its defence: the board's term starts here
    # (the committee's reglement; see `deadlines.py`).
    REQUEST_DEFENCE = "request_defence"
    RECORD_DEFENCE = "record_defence"  # the board sent its defence to the committee
    RECORD_ADVICE = "record_advice"  # the committee gave its advice (oordeel)
    DECIDE = "decide"  # the board decided; ends the dispute
    RESOLVE = "resolve"  # resolved by agreement; ends the dispute
    WITHDRAW = "withdraw"  # the opener withdrew; ends the dispute


@dataclass(frozen=True)
class Move:
    action: Action
    stage: Stage | None = None

    def __post_init__(self) -> None:
        if (self.action is Action.ENTER) != (self.stage is not None):
            raise ValueError("a stage goes with 'enter' and with no other action")

    @classmethod
    def enter(cls, stage: Stage) -> "Move":
        return cls(Action.ENTER, stage)

    @classmethod
    def parse(cls, text: str) -> "Move":
        """Read the form `str(move)` gives: `enter:mediation`, `decide`."""
        action, _, stage = text.partition(":")
        return cls(Action(action), Stage(stage) if stage else None)

    def __str__(self) -> str:
        return f"{self.action}:{self.stage}" if self.stage else str(self.action)


class DecisionOutcome(StrEnum):
    """What the board's decision does to the decision the dispute is about."""

    REVISED = "revised"  # gegrond: in the guardians' favour
    PARTLY_REVISED = "partly_revised"  # deels gegrond
    UPHELD = "upheld"  # ongegrond: the decision stands
    INADMISSIBLE = "inadmissible"  # niet-ontvankelijk


class CommitteeAdvice(StrEnum):
    """The committee's judgment (oordeel), advice the board must answer."""

    WELL_FOUNDED = "well_founded"
    PARTLY_WELL_FOUNDED = "partly_well_founded"
    UNFOUNDED = "unfounded"
    INADMISSIBLE = "inadmissible"


_FOLLOWING: dict[CommitteeAdvice, DecisionOutcome] = {
    CommitteeAdvice.WELL_FOUNDED: DecisionOutcome.REVISED,
    CommitteeAdvice.PARTLY_WELL_FOUNDED: DecisionOutcome.PARTLY_REVISED,
    CommitteeAdvice.UNFOUNDED: DecisionOutcome.UPHELD,
    CommitteeAdvice.INADMISSIBLE: DecisionOutcome.INADMISSIBLE,
}


def outcome_following(advice: CommitteeAdvice) -> DecisionOutcome:
    """The outcome that follows the advice; any other outcome departs from it."""
    return _FOLLOWING[advice]
