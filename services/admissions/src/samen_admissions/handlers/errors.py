"""The service's own refusals (beside the domain's); mapped to problems in one place."""

from enum import StrEnum


class Hidden(StrEnum):
    """Why a row that exists was answered as not found (recorded for the audit trail)."""

    NOT_FOUND = "not_found"
    OTHER_TENANT = "other_tenant"
    OUT_OF_SCOPE = "out_of_scope"


class ServiceError(Exception):
    """Base of the service's refusals."""


class NotFound(ServiceError):
    """`tenant`: the tenant whose row was hidden (trusted: it comes from this database)."""

    def __init__(
        self, kind: str, hidden: Hidden = Hidden.NOT_FOUND, tenant: str | None = None
    ) -> None:
        self.kind = kind
        self.hidden = hidden
        self.tenant = tenant
        super().__init__(f"{kind} not found")


class NoParentalAuthority(ServiceError):
    """A guardian with only the right to information cannot add the parents' view."""

    def __init__(self) -> None:
        super().__init__("only a guardian with parental authority may do this")
