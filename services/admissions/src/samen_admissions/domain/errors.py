"""Domain errors; the service maps them to problem responses in one place."""


class AdmissionError(Exception):
    """Base of every rule of a request, an objection or a registration."""


class UnknownCategory(AdmissionError):
    def __init__(self, kind: str, category: str) -> None:
        super().__init__(f"category {category!r} is not one of kind {kind!r}")


class NotNow(AdmissionError):
    """The step is not possible in the request's state (409)."""

    def __init__(self, step: str, status: str) -> None:
        self.step = step
        self.status = status
        super().__init__(f"{step} is not possible while the request is {status}")


class ConsentMissing(AdmissionError):
    """No valid consent for these purposes: the request cannot be submitted (409)."""

    def __init__(self, purposes: tuple[str, ...]) -> None:
        self.purposes = purposes
        super().__init__(f"no valid consent for: {', '.join(purposes)}")


class ParentsViewMissing(AdmissionError):
    def __init__(self) -> None:
        super().__init__("the parents' view is not on the request yet")


class AdviceIncomplete(AdmissionError):
    """A decision needs advice from two experts, one of them an orthopedagoog or a
    psychologist (409)."""

    def __init__(self) -> None:
        super().__init__("two experts must advise, one an orthopedagoog or psychologist")


class SameExpertTwice(AdmissionError):
    def __init__(self) -> None:
        super().__init__("this expert has advised already; the second advice is another's")


class InvalidDates(AdmissionError):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)


class ReasonsRequired(AdmissionError):
    def __init__(self) -> None:
        super().__init__("a refusal states its reasons")


class AdvisoryStepMissing(AdmissionError):
    """A TLV objection is decided only after the national advisory committee advised."""

    def __init__(self) -> None:
        super().__init__("the national advisory committee has not advised yet")


class TermAlreadyExtended(AdmissionError):
    def __init__(self) -> None:
        super().__init__("the registration's term can be extended once")
