"""Domain errors; the service maps them to problem responses in one place.

Each rule is declared with the kit's `DomainError`: its message and the fields it names.
"""

from samen_kit.domain_errors import DomainError


class AdmissionError(DomainError):
    """Base of every rule of a request, an objection or a registration."""


class UnknownCategory(AdmissionError, message="category {category!r} is not one of kind {kind!r}"):
    kind: str
    category: str


class NotNow(AdmissionError, message="{step} is not possible while the request is {status}"):
    """The step is not possible in the request's state (409)."""

    step: str
    status: str


class ConsentMissing(AdmissionError):
    """No valid consent for these purposes: the request cannot be submitted (409)."""

    def __init__(self, purposes: tuple[str, ...]) -> None:
        self.purposes = purposes
        super().__init__(f"no valid consent for: {', '.join(purposes)}")


class ParentsViewMissing(AdmissionError, message="the parents' view is not on the request yet"): ...


class AdviceIncomplete(
    AdmissionError, message="two experts must advise, one an orthopedagoog or psychologist"
):
    """A decision needs advice from two experts, one of them an orthopedagoog or a
    psychologist (409)."""


class SameExpertTwice(
    AdmissionError, message="this expert has advised already; the second advice is another's"
): ...


class InvalidDates(AdmissionError, message="{detail}"):
    detail: str


class ReasonsRequired(AdmissionError, message="a refusal states its reasons"): ...


class AdvisoryStepMissing(
    AdmissionError, message="the national advisory committee has not advised yet"
):
    """A TLV objection is decided only after the national advisory committee advised."""


class TermAlreadyExtended(
    AdmissionError, message="the registration's term can be extended once"
): ...
