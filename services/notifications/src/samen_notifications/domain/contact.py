"""A guardian's or staff member's contact point: where, in which language, how and when.

Values are normalised on construction (E.164 numbers, lower-case e-mail domains,
canonical language tags). The repr never shows an address or number: logs stay clean.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import time
from types import MappingProxyType

import phonenumbers

from samen_notifications.domain.errors import (
    InvalidEmailAddress,
    InvalidLanguageTag,
    InvalidPhoneNumber,
    NotAMobileNumber,
)
from samen_notifications.domain.rules import Channel, MessageKind

DEFAULT_REGION = "NL"
DEFAULT_LANGUAGE = "nl"
_SMS_CAPABLE = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$")
_DOMAIN_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def parse_mobile(raw: str, region: str = DEFAULT_REGION) -> str:
    """A mobile number in E.164 (`+31612345678`); national forms read in `region`."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise InvalidPhoneNumber("phone number could not be parsed") from error
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhoneNumber("phone number is not valid")
    if phonenumbers.number_type(number) not in _SMS_CAPABLE:
        raise NotAMobileNumber("phone number cannot receive SMS")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_email(raw: str) -> str:
    """A plain check of an address's shape; the domain is lower-cased and IDNA-encoded.

    Deliverability is proven by sending (a bounce marks the message failed), not here.
    """
    text = raw.strip()
    local, at, domain = text.rpartition("@")
    if not at or not _valid_local_part(local):
        raise InvalidEmailAddress("e-mail address has no valid local part")
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError as error:
        raise InvalidEmailAddress("e-mail domain is not valid") from error
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        raise InvalidEmailAddress("e-mail domain is not valid")
    address = f"{local}@{ascii_domain}"
    if len(address) > 254:
        raise InvalidEmailAddress("e-mail address is too long")
    return address


def _valid_local_part(local: str) -> bool:
    dots_ok = ".." not in local and not local.startswith(".") and not local.endswith(".")
    return dots_ok and _EMAIL_LOCAL.match(local) is not None


def parse_language(raw: str) -> str:
    """A BCP-47 tag in canonical case: `nl`, `pt-BR`, `zh-Hant`, `sr-Latn-RS`."""
    text = raw.strip().replace("_", "-")
    if not _LANGUAGE_TAG.match(text):
        raise InvalidLanguageTag("not a BCP-47 language tag")
    primary, *subtags = text.split("-")
    return "-".join([primary.lower(), *(_canonical_subtag(tag) for tag in subtags)])


def _canonical_subtag(tag: str) -> str:
    if len(tag) == 2 and tag.isalpha():
        return tag.upper()  # region
    if len(tag) == 4 and tag.isalpha():
        return tag.title()  # script
    return tag.lower()


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local wall-clock hours in which no non-urgent SMS is sent; may span midnight."""

    start: time = time(21, 0)
    end: time = time(7, 30)

    def contains(self, moment: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


DEFAULT_QUIET_HOURS = QuietHours()


@dataclass(frozen=True, slots=True)
class ContactPoint:
    """How to reach one guardian or staff member. Construct with raw input; it normalises."""

    email: str | None = None
    mobile: str | None = None
    language: str = DEFAULT_LANGUAGE
    # Per kind of message, the channels the person chose; a kind left out means "any".
    channel_choices: Mapping[MessageKind, AbstractSet[Channel]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    quiet_hours: QuietHours = DEFAULT_QUIET_HOURS
    do_not_contact: bool = False

    def __post_init__(self) -> None:
        if self.email is not None:
            object.__setattr__(self, "email", parse_email(self.email))
        if self.mobile is not None:
            object.__setattr__(self, "mobile", parse_mobile(self.mobile))
        object.__setattr__(self, "language", parse_language(self.language))
        frozen = {kind: frozenset(chosen) for kind, chosen in self.channel_choices.items()}
        object.__setattr__(self, "channel_choices", MappingProxyType(frozen))

    @property
    def reachable_channels(self) -> tuple[Channel, ...]:
        """Channels with an address on file, e-mail first."""
        addresses = {Channel.EMAIL: self.email, Channel.SMS: self.mobile}
        return tuple(channel for channel in Channel if addresses[channel] is not None)

    def chosen_channels(self, kind: MessageKind) -> frozenset[Channel]:
        return frozenset(self.channel_choices.get(kind, Channel))

    def __repr__(self) -> str:
        choices = {kind.value: sorted(chosen) for kind, chosen in self.channel_choices.items()}
        return (
            f"ContactPoint(email={_mask(self.email)}, mobile={_mask(self.mobile)}, "
            f"language={self.language!r}, channel_choices={choices!r}, "
            f"quiet_hours={self.quiet_hours.start:%H:%M}-{self.quiet_hours.end:%H:%M}, "
            f"do_not_contact={self.do_not_contact})"
        )

    __str__ = __repr__


def _mask(value: str | None) -> str:
    return "<unset>" if value is None else "<set>"
