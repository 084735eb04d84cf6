"""Domain errors: what the rules refuse. The edge maps them to problems in one table.

Each rule is declared with the kit's `DomainError`: its message and the fields it names.
"""

from __future__ import annotations

from samen_kit.domain_errors import DomainError


class PlansError(DomainError):
    """Base of the domain's refusals."""


class ActionPartPeriodInvalid(PlansError, message="{detail}"):
    detail: str = "an action part ends on or after its start"


class OppAlreadyOpen(PlansError, message="this pupil already has an open OPP"):
    """A pupil has one open OPP at a time."""


class PupilHasLeft(PlansError, message="the pupil has left the school"): ...


class SupportStartInFuture(PlansError, message="extra support cannot start after today"): ...


class NotLatestVersion(PlansError, message="only the latest version ({latest}) can be offered"):
    """Only the latest version can be offered: earlier ones are history."""

    latest: int


class AlreadyOffered(PlansError, message="version {version} is already offered or set"):
    version: int


class NoActionPartSet(PlansError, message="no action part of this OPP has been set yet"):
    """An evaluation evaluates an action part in force; before one is set there is none."""


class EvaluationInFuture(PlansError, message="an evaluation is recorded after it was held"): ...


class GuardianNotOfPupil(
    PlansError, message="every guardian named must be a guardian of the pupil"
): ...


class OppIdTaken(PlansError, message="an OPP with this id exists already"): ...


class EntryInvalid(PlansError, message="{detail}"):
    detail: str


class PeriodInvalid(PlansError, message="a period ends on or after its start"): ...
