"""The service's own refusals (beside the domain's); mapped to problems in one place."""


class ServiceError(Exception):
    """Base of the service's refusals."""


class NoParentalAuthority(ServiceError):
    """A guardian with only the right to information cannot open or move a dispute."""

    def __init__(self) -> None:
        super().__init__("only a guardian with parental authority may do this")


class OppNotOfPupil(ServiceError):
    def __init__(self) -> None:
        super().__init__("opp_id names no OPP of this pupil")


class OppWithoutOppSubject(ServiceError):
    def __init__(self) -> None:
        super().__init__("only a dispute about the OPP or its action part names an OPP")


class InvalidConfig(ServiceError):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
