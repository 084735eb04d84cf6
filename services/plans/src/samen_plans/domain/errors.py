"""Domain errors: what the rules refuse. The edge maps them to problems in one table."""

from __future__ import annotations


class PlansError(Exception):
    """Base of the domain's refusals."""


class ActionPartPeriodInvalid(PlansError):
    def __init__(self, detail: str = "an action part ends on or after its start") -> None:
        super().__init__(detail)


class OppAlreadyOpen(PlansError):
    """A pupil has one open OPP at a time."""

    def __init__(self) -> None:
        super().__init__("this pupil already has an open OPP")


class PupilHasLeft(PlansError):
    def __init__(self) -> None:
        super().__init__("the pupil has left the school")


class SupportStartInFuture(PlansError):
    def __init__(self) -> None:
        super().__init__("extra support cannot start after today")


class NotLatestVersion(PlansError):
    """Only the latest version can be offered: earlier ones are history."""

    def __init__(self, latest: int) -> None:
        self.latest = latest
        super().__init__(f"only the latest version ({latest}) can be offered")


class AlreadyOffered(PlansError):
    def __init__(self, version: int) -> None:
        self.version = version
        super().__init__(f"version {version} is already offered or set")


class NoActionPartSet(PlansError):
    """An evaluation evaluates an action part in force; before one is set there is none."""

    def __init__(self) -> None:
        super().__init__("no action part of this OPP has been set yet")


class EvaluationInFuture(PlansError):
    def __init__(self) -> None:
        super().__init__("an evaluation is recorded after it was held")


class GuardianNotOfPupil(PlansError):
    def __init__(self) -> None:
        super().__init__("every guardian named must be a guardian of the pupil")


class OppIdTaken(PlansError):
    def __init__(self) -> None:
        super().__init__("an OPP with this id exists already")


class EntryInvalid(PlansError):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)


class PeriodInvalid(PlansError):
    def __init__(self) -> None:
        super().__init__("a period ends on or after its start")
