"""What a question to the log can run into; the API maps each to one problem.

Each is declared with the kit's `DomainError`: its message and the fields it names.
"""

from samen_kit.domain_errors import DomainError


class AuditError(DomainError):
    """Base of the audit service's own errors."""


class LeafNotFound(AuditError, message="no such leaf in this log"):
    """No such leaf in the caller's log (also when it is in another tenant's).

    ``elsewhere`` says it is another tenant's: the answer is the same, the trail is not.
    """

    tenant: str
    elsewhere: bool = False


class TreeTooLarge(AuditError, message="the log holds {size} leaves, not {asked}"):
    """The log has not grown to the size asked for."""

    asked: int
    size: int


class LeafOutsideTree(AuditError, message="leaf {index} is not in the tree of size {size}"):
    """The leaf came after the tree size asked for."""

    index: int
    size: int


class BadSizes(AuditError):
    """A consistency proof goes from a smaller size to a larger one."""


class BadPeriod(AuditError):
    """An export period ends before it starts."""
