"""The facts the notifications service owns: what it sent to whom, on which channel,
and how that ended.

Ids and codes only: never an address, a number, a name or a message's text (those stay
in the notifications service). Two ids tie the facts together:

- `notification_id`: one per (cause, recipient) — what one person is told about one
  thing, whichever channels carry it;
- `message_id`: one per (cause, recipient, channel) — the e-mail's Message-ID and the
  SMS reference are derived from it, so a resend after a crash is the same message.

A cause is an event of another service (`caused_by_event_id` / `caused_by_event_type`)
or a command of this one (`command` / `command_id`: a staff broadcast, a parent asking
for a fresh link). The envelope's `subject` is the pupil id (the tenant for a broadcast).

How far a message got, honestly: e-mail is `NotificationSent` with `confirmation`
`relay_accepted` once the SMTP relay accepted it — no later fact says it arrived, only a
bounce (`NotificationFailed`, reason `bounced`) says it did not. An SMS is `sent` with
`gateway_accepted`, then `NotificationDelivered` or `NotificationFailed` when the
gateway's delivery report says so.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import CODE, Event
from samen_contract.naming import EVENT_TYPE_PATTERN

Code = Annotated[str, Field(pattern=CODE)]
LanguageTag = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=35)]
EventTypeName = Annotated[str, Field(pattern=EVENT_TYPE_PATTERN, max_length=128)]


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


class RecipientKind(StrEnum):
    GUARDIAN = "guardian"
    STAFF = "staff"


class Command(StrEnum):
    """Causes that are not events of another service."""

    BROADCAST = "broadcast"  # staff wrote to all guardians of a school, board or tenant
    LINK_RENEWAL = "link_renewal"  # a parent asked for a fresh link (sent to the points on file)
    PREFERENCES_LINK = "preferences_link"  # a link to the parent's own contact preferences


class Confirmation(StrEnum):
    RELAY_ACCEPTED = "relay_accepted"  # e-mail: the SMTP relay took it; arrival is not confirmed
    GATEWAY_ACCEPTED = "gateway_accepted"  # SMS: the gateway took it; a delivery report follows


class FailureReason(StrEnum):
    INVALID_ADDRESS = "invalid_address"  # the contact point cannot be used
    REJECTED = "rejected"  # the relay or gateway refused it for good (a 5xx, a 4xx request error)
    BOUNCED = "bounced"  # a delivery status notification came back for the Message-ID
    NOT_DELIVERED = "not_delivered"  # the SMS gateway reported delivery_failed
    EXPIRED = "expired"  # the SMS gateway gave up (validity ended)
    RETRIES_EXHAUSTED = "retries_exhausted"  # temporary failures until the retry limit
    TEMPLATE_ERROR = "template_error"  # the message could not be rendered


class UnreachableReason(StrEnum):
    NO_CONTACT_POINT = "no_contact_point"  # none arrived within the wait
    DO_NOT_CONTACT = "do_not_contact"  # court order, safety: staff must act another way
    ALL_CHANNELS_FAILED = "all_channels_failed"  # every channel on file failed for good


class MessageFact(Event):
    """A fact about one message: the notification it carries, to whom, about which pupil
    (abstract)."""

    notification_id: UUID
    message_id: UUID
    recipient_kind: RecipientKind
    recipient_id: UUID
    pupil_id: UUID | None = None


class NotificationSent(MessageFact):
    """The relay (e-mail) or gateway (SMS) accepted one message."""

    __service__ = "notifications"

    school_id: UUID | None = None
    channel: Channel
    template: Code
    language: LanguageTag  # the language the message was written in
    fell_back: bool  # the recipient's language had no translation: Dutch was used
    confirmation: Confirmation
    attempt: Annotated[int, Field(ge=1)]
    segments: Annotated[int, Field(ge=1)] | None = None  # SMS parts billed
    caused_by_event_id: UUID | None = None
    caused_by_event_type: EventTypeName | None = None
    command: Command | None = None
    command_id: UUID | None = None


class NotificationDelivered(MessageFact):
    """The channel confirmed arrival (an SMS delivery report); never said of e-mail."""

    __service__ = "notifications"

    channel: Channel
    template: Code
    delivered_at: datetime
    caused_by_event_id: UUID | None = None
    caused_by_event_type: EventTypeName | None = None
    command: Command | None = None
    command_id: UUID | None = None


class NotificationFailed(MessageFact):
    """One message failed for good; `fallback_channel` is tried next when one is left."""

    __service__ = "notifications"

    school_id: UUID | None = None
    channel: Channel
    template: Code
    reason: FailureReason
    attempts: Annotated[int, Field(ge=0)]
    provider_error_code: Annotated[int, Field(ge=0)] | None = None
    fallback_channel: Channel | None = None
    caused_by_event_id: UUID | None = None
    caused_by_event_type: EventTypeName | None = None
    command: Command | None = None
    command_id: UUID | None = None


class GuardianUnreachable(Event):
    """A guardian could not be told: staff must reach them another way."""

    __service__ = "notifications"

    notification_id: UUID
    guardian_id: UUID
    pupil_id: UUID | None = None
    school_id: UUID | None = None
    template: Code
    reason: UnreachableReason
    waiting_since: datetime
    caused_by_event_id: UUID | None = None
    caused_by_event_type: EventTypeName | None = None
    command: Command | None = None
    command_id: UUID | None = None


class StepUpLocked(Event):
    """A guardian's one-time code was typed wrong too often: the sensitive action it
    was to confirm is locked until `locked_until` (ADR 0012). The audit log keeps it.

    Ids only: never the code, its hash or the number it went to. The envelope's
    `subject` is the pupil id.
    """

    __service__ = "notifications"

    challenge_id: UUID
    guardian_id: UUID
    pupil_id: UUID
    item_kind: Code  # what the action was about, e.g. consent_request
    item_id: UUID
    attempts: Annotated[int, Field(ge=1)]
    locked_until: datetime


class StepUpRefused(Event):
    """A guardian asked for, or typed, a one-time code while a lock of theirs from
    another code was still on: the lock holds for every item of theirs on every service
    (ADR 0017), so nothing was sent or checked. The audit log keeps it beside the
    `StepUpLocked` that `locked_by` names.

    Ids only: never a code, its hash or the number it would have gone to. The envelope's
    `subject` is the pupil id.
    """

    __service__ = "notifications"

    guardian_id: UUID
    pupil_id: UUID
    item_kind: Code  # what the refused code was for, e.g. meeting_record
    item_id: UUID
    locked_by: UUID  # the challenge whose wrong codes set the lock
    locked_until: datetime
