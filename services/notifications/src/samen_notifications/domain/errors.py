"""Errors of the notifications domain: specific classes, so callers can record a clear failure."""

from __future__ import annotations


class NotificationsError(Exception):
    """Base of every error raised by the notifications domain."""


class InvalidContactPoint(NotificationsError, ValueError):
    """A contact detail that cannot be used; the message says which kind, never the value."""


class InvalidPhoneNumber(InvalidContactPoint):
    """The text is not a valid phone number."""


class NotAMobileNumber(InvalidPhoneNumber):
    """A valid number that cannot receive SMS (a landline, for example)."""


class InvalidEmailAddress(InvalidContactPoint):
    """The text is not a usable e-mail address."""


class InvalidLanguageTag(InvalidContactPoint):
    """The text is not a BCP-47 language tag."""


class NaiveDatetime(NotificationsError, ValueError):
    """A datetime without a time zone where the rule needs an instant."""
