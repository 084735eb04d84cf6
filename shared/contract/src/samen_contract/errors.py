"""Exceptions of the contract: each names what was wrong, so callers can act on it."""

from __future__ import annotations


class ContractError(Exception):
    """Base of every error the contract raises."""


class UnknownService(ContractError, ValueError):
    """A name that is not one of the services in `topics.SERVICES`."""


class EventNamingError(ContractError, TypeError):
    """An event class breaks the naming rule; raised when the class is defined."""


class EnvelopeMismatch(ContractError, ValueError):
    """An envelope and an event that do not belong together (different `type`)."""


class MalformedRecord(ContractError):
    """A Kafka record that cannot be read as a Samen event; consumers park it.

    `reason` is a short machine-readable code (see `codec.MalformedReason`), `detail` a
    human explanation without the record's values (they may hold anything).
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
