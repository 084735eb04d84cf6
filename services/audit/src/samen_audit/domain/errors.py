"""What a question to the log can run into; the API maps each to one problem."""


class AuditError(Exception):
    """Base of the audit service's own errors."""


class LeafNotFound(AuditError):
    """No such leaf in the caller's log (also when it is in another tenant's).

    ``elsewhere`` says it is another tenant's: the answer is the same, the trail is not.
    """

    def __init__(self, tenant: str, *, elsewhere: bool = False) -> None:
        super().__init__("no such leaf in this log")
        self.tenant = tenant
        self.elsewhere = elsewhere


class TreeTooLarge(AuditError):
    """The log has not grown to the size asked for."""

    def __init__(self, asked: int, size: int) -> None:
        super().__init__(f"the log holds {size} leaves, not {asked}")
        self.asked = asked
        self.size = size


class LeafOutsideTree(AuditError):
    """The leaf came after the tree size asked for."""

    def __init__(self, index: int, size: int) -> None:
        super().__init__(f"leaf {index} is not in the tree of size {size}")
        self.index = index
        self.size = size


class BadSizes(AuditError):
    """A consistency proof goes from a smaller size to a larger one."""


class BadPeriod(AuditError):
    """An export period ends before it starts."""
