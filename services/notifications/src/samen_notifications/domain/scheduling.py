"""When, on which channels and under which key a message goes out. Pure: `now` is passed in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from samen_notifications.domain.contact import ContactPoint, QuietHours
from samen_notifications.domain.dates import AMSTERDAM
from samen_notifications.domain.errors import NaiveDatetime
from samen_notifications.domain.rules import Channel, NotificationRule, Urgency

DEFAULT_CONTACT_WAIT = timedelta(hours=72)
MESSAGE_ID_DOMAIN = "samen.invalid"
# Fixed forever: changing it would give every resend a new Message-ID.
MESSAGE_NAMESPACE = uuid.UUID("5b0e6f0e-52a4-5c1b-9a7e-6e6f74696679")


def next_send_time(now: datetime, quiet_hours: QuietHours, tz: ZoneInfo = AMSTERDAM) -> datetime:
    """`now`, or the end of the quiet hours it falls in, as an instant in UTC.

    The end is a local wall-clock time on the right local date, so the answer stays
    right across a DST change; an end that does not exist that day moves forward.
    """
    _require_aware(now)
    local = now.astimezone(tz)
    if not quiet_hours.contains(local.time()):
        return now.astimezone(UTC)
    end_date = local.date()
    if quiet_hours.start > quiet_hours.end and local.time() >= quiet_hours.start:
        end_date += timedelta(days=1)
    wall_end = datetime.combine(end_date, quiet_hours.end, tzinfo=tz)
    return wall_end.astimezone(UTC)


def send_time(
    channel: Channel,
    urgency: Urgency,
    now: datetime,
    quiet_hours: QuietHours,
    tz: ZoneInfo = AMSTERDAM,
) -> datetime:
    """E-mail goes at once; a non-urgent SMS waits for the end of the quiet hours."""
    _require_aware(now)
    if channel is Channel.EMAIL or urgency is Urgency.URGENT:
        return now.astimezone(UTC)
    return next_send_time(now, quiet_hours, tz)


def choose_channels(
    rule: NotificationRule, contact: ContactPoint, urgency: Urgency = Urgency.NORMAL
) -> tuple[Channel, ...]:
    """The channels to send on; empty when the person cannot or may not be reached.

    The person's choice picks among the rule's channels (urgent messages ignore it).
    A choice never silences a guardian: if it leaves nothing, or the rule's channels
    have no address, any channel the guardian can be reached on is used instead.
    Do-not-contact always wins.
    """
    if contact.do_not_contact:
        return ()
    reachable = contact.reachable_channels
    wanted = set(rule.channels)
    if urgency is Urgency.NORMAL:
        wanted &= contact.chosen_channels(rule.kind)
    chosen = tuple(channel for channel in rule.channels if channel in wanted)
    chosen = tuple(channel for channel in chosen if channel in reachable)
    if chosen or rule.for_staff:
        return chosen
    preferred = [channel for channel in reachable if channel in contact.chosen_channels(rule.kind)]
    return tuple(preferred[:1] or reachable[:1])


@dataclass(frozen=True, slots=True)
class MessageKey:
    """One message per (event, recipient, channel); a resend carries the same key."""

    value: uuid.UUID

    @property
    def message_id(self) -> str:
        """The e-mail Message-ID header."""
        return f"<{self.value}@{MESSAGE_ID_DOMAIN}>"

    @property
    def sms_reference(self) -> str:
        """The SMS gateway's client reference: 32 hex characters fit every gateway."""
        return self.value.hex


def message_key(event_id: uuid.UUID, recipient_id: uuid.UUID, channel: Channel) -> MessageKey:
    return MessageKey(uuid.uuid5(MESSAGE_NAMESPACE, f"{event_id}/{recipient_id}/{channel.value}"))


class UnreachableReason(StrEnum):
    NO_CONTACT_POINT = "no_contact_point"  # none arrived within the wait
    DO_NOT_CONTACT = "do_not_contact"  # court order, safety: staff must act another way
    ALL_CHANNELS_FAILED = "all_channels_failed"  # every channel on file failed for good


@dataclass(frozen=True, slots=True)
class Send:
    channel: Channel
    not_before: datetime


@dataclass(frozen=True, slots=True)
class Deliver:
    sends: tuple[Send, ...]


@dataclass(frozen=True, slots=True)
class AwaitContact:
    """No contact point yet: check again when one arrives, give up at `until`."""

    until: datetime


@dataclass(frozen=True, slots=True)
class Unreachable:
    reason: UnreachableReason


DeliveryPlan = Deliver | AwaitContact | Unreachable


def plan_delivery(
    rule: NotificationRule,
    contact: ContactPoint | None,
    *,
    urgency: Urgency,
    waiting_since: datetime,
    now: datetime,
    max_wait: timedelta = DEFAULT_CONTACT_WAIT,
    tz: ZoneInfo = AMSTERDAM,
) -> DeliveryPlan:
    """What to do with one message for one recipient now.

    `waiting_since` is when the message was first planned (the event's arrival).
    """
    _require_aware(now)
    _require_aware(waiting_since)
    if contact is not None and contact.do_not_contact:
        return Unreachable(UnreachableReason.DO_NOT_CONTACT)
    channels = choose_channels(rule, contact, urgency) if contact is not None else ()
    if contact is None or not channels:
        until = waiting_since + max_wait
        if now >= until:
            return Unreachable(UnreachableReason.NO_CONTACT_POINT)
        return AwaitContact(until.astimezone(UTC))
    sends = tuple(
        Send(channel, send_time(channel, urgency, now, contact.quiet_hours, tz))
        for channel in channels
    )
    return Deliver(sends)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise NaiveDatetime("scheduling needs time-zone aware datetimes")
