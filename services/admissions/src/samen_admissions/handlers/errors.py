"""The service's own refusals (beside the domain's); mapped to problems in one place."""


class ServiceError(Exception):
    """Base of the service's refusals."""


class NoParentalAuthority(ServiceError):
    """A guardian with only the right to information cannot add the parents' view."""

    def __init__(self) -> None:
        super().__init__("only a guardian with parental authority may do this")
