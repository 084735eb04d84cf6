"""The service's own refusals (beside the domain's); mapped to problems in one place."""

from samen_kit.domain_errors import DomainError


class ServiceError(DomainError):
    """Base of the service's refusals."""


class NoParentalAuthority(
    ServiceError, message="only a guardian with parental authority may do this"
):
    """A guardian with only the right to information cannot open or move a dispute."""


class OppNotOfPupil(ServiceError, message="opp_id names no OPP of this pupil"): ...


class OppWithoutOppSubject(
    ServiceError, message="only a dispute about the OPP or its action part names an OPP"
): ...


class InvalidConfig(ServiceError, message="{detail}"):
    detail: str
