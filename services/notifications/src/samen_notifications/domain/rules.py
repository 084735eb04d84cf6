"""Which incoming event sends what to whom: one readable table, kept as data in
`rules.toml` and read once at import.

Each event type maps to one or more rules (a confirmation to the guardians and a notice
to staff are two rules). Events not in the table send nothing. Commands of this service
itself (a staff broadcast, a parent asking for a fresh link) use the same table under
`command:<name>` keys.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from importlib.resources import files
from typing import Any

from samen_notifications.domain.errors import NaiveDatetime


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


class Audience(StrEnum):
    GUARDIANS_WITH_AUTHORITY = "guardians_with_authority"
    # Guardians with authority and those with only the right to information
    # (BW 1:377c) whose request for information the school recorded.
    ALL_GUARDIANS = "all_guardians"
    STAFF = "staff"


class MessageKind(StrEnum):
    """Kinds a guardian can choose channels for."""

    REQUEST = "request"
    REMINDER = "reminder"
    CONFIRMATION = "confirmation"
    UPDATE = "update"
    STAFF_NOTICE = "staff_notice"


class ParentAction(StrEnum):
    NONE = "none"
    REQUIRED = "required"  # the message asks the parent to act, by a date
    OPTIONAL = "optional"  # a link is offered (withdraw, read, follow), nothing is asked


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"  # bypasses quiet hours and channel choices, never do-not-contact


class CalendarMethod(StrEnum):
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"
    PUBLISH = "PUBLISH"  # an announcement to many: no attendees, no replies (RFC 5546)


@dataclass(frozen=True, slots=True)
class Recipients:
    audience: Audience
    staff_roles: tuple[str, ...] = ()


def staff(*roles: str) -> Recipients:
    return Recipients(Audience.STAFF, roles)


AUTHORITY = Recipients(Audience.GUARDIANS_WITH_AUTHORITY)
ALL_GUARDIANS = Recipients(Audience.ALL_GUARDIANS)
GUARDIANS = {"authority": AUTHORITY, "all": ALL_GUARDIANS}  # the table's `to`
EMAIL = (Channel.EMAIL,)
STAFF_LANGUAGE = "nl"


@dataclass(frozen=True, slots=True)
class NotificationRule:
    event_type: str
    recipients: Recipients
    template: str
    kind: MessageKind
    channels: tuple[Channel, ...]
    action: ParentAction = ParentAction.NONE
    urgent_within: timedelta | None = None  # urgent when the item starts sooner than this
    calendar: CalendarMethod | None = None  # attach an .ics with this METHOD
    # A second link, to open a dispute about the pupil, where a parent may disagree
    # with what the message is about (an evaluation, a meeting's record).
    offers_dispute: bool = False

    @property
    def for_staff(self) -> bool:
        return self.recipients.audience is Audience.STAFF

    @property
    def asks_action(self) -> bool:
        return self.action is ParentAction.REQUIRED

    @property
    def carries_link(self) -> bool:
        """A guardian access link for the item goes with the message."""
        return self.action is not ParentAction.NONE

    def language_for(self, preferred: str) -> str:
        """Staff notices are Dutch; guardians get their own language."""
        return STAFF_LANGUAGE if self.for_staff else preferred


COMMAND_PREFIX = "command:"


def command(name: str) -> str:
    """The table's key of one of this service's own commands."""
    return f"{COMMAND_PREFIX}{name}"


def _key(on: str) -> str:
    """The table's "service.Name" is the event type samen.service.Name.v1."""
    return on if on.startswith(COMMAND_PREFIX) else f"samen.{on}.v1"


def _to_guardians(entry: dict[str, Any]) -> NotificationRule:
    hours, calendar = entry.get("urgent_within_hours"), entry.get("calendar")
    return NotificationRule(
        _key(entry["on"]),
        GUARDIANS[entry["to"]],
        entry["template"],
        MessageKind(entry["kind"]),
        tuple(Channel(c) for c in entry["channels"]),
        ParentAction(entry["action"]),
        urgent_within=None if hours is None else timedelta(hours=hours),
        calendar=None if calendar is None else CalendarMethod(calendar),
        offers_dispute=entry.get("offers_dispute", False),
    )


def _staff_notice(entry: dict[str, Any]) -> NotificationRule:
    recipients = staff(*entry["roles"])
    return NotificationRule(
        _key(entry["on"]), recipients, entry["template"], MessageKind.STAFF_NOTICE, EMAIL
    )


def _table() -> tuple[NotificationRule, ...]:
    """The rules, kept as data in `rules.toml` beside this module."""
    text = (files("samen_notifications.domain") / "rules.toml").read_text("utf-8")
    table = tomllib.loads(text)
    return (
        *map(_to_guardians, table["guardians"]),
        *map(_staff_notice, table["staff"]),
        *map(_to_guardians, table["commands"]),
    )


BROADCAST = command("broadcast")
RULES: tuple[NotificationRule, ...] = _table()


def rules_for(event_type: str) -> tuple[NotificationRule, ...]:
    """The rules an event triggers; empty for events that send nothing."""
    return tuple(rule for rule in RULES if rule.event_type == event_type)


def rule_named(key: str, template: str) -> NotificationRule:
    """The rule of `key` that writes `template`; LookupError when the table has none."""
    for rule in rules_for(key):
        if rule.template == template:
            return rule
    raise LookupError(f"no rule for {key!r} with template {template!r}")


def urgency_of(rule: NotificationRule, now: datetime, item_starts_at: datetime | None) -> Urgency:
    """Urgent when the item (a meeting) starts within the rule's window from now."""
    if rule.urgent_within is None or item_starts_at is None:
        return Urgency.NORMAL
    if now.tzinfo is None or item_starts_at.tzinfo is None:
        raise NaiveDatetime("urgency needs time-zone aware datetimes")
    soon = item_starts_at - now <= rule.urgent_within
    return Urgency.URGENT if soon else Urgency.NORMAL
