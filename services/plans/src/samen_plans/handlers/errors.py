"""The service's own refusals (beside the domain's); mapped to problems in one place."""

from samen_kit.domain_errors import DomainError


class ServiceError(DomainError):
    """Base of the service's refusals."""


class NoParentalAuthority(
    ServiceError, message="only a guardian with parental authority may see this"
): ...
