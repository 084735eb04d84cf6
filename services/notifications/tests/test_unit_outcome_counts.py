"""Messages are counted per channel and outcome from the facts the service writes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from samen_contract.events.notifications import (
    Channel,
    Confirmation,
    FailureReason,
    GuardianUnreachable,
    NotificationDelivered,
    NotificationFailed,
    NotificationSent,
    RecipientKind,
    UnreachableReason,
)
from samen_notifications.handlers.outcome_counts import tally

pytestmark = pytest.mark.unit

CAUSE = {"caused_by_event_id": uuid.uuid4(), "caused_by_event_type": "samen.consent.X.v1"}


def _who() -> dict[str, object]:
    return {
        "notification_id": uuid.uuid4(),
        "recipient_kind": RecipientKind.GUARDIAN,
        "recipient_id": uuid.uuid4(),
        "pupil_id": uuid.uuid4(),
    }


def _message(channel: Channel) -> dict[str, object]:
    """What every fact about one message of a consent request states."""
    return {
        **_who(), **CAUSE, "message_id": uuid.uuid4(), "channel": channel,
        "template": "consent_requested",
    }  # fmt: skip


def sent(channel: Channel) -> NotificationSent:
    return NotificationSent(
        **_message(channel),  # type: ignore[arg-type]
        school_id=uuid.uuid4(), language="nl", fell_back=False,
        confirmation=Confirmation.GATEWAY_ACCEPTED, attempt=1,
    )  # fmt: skip


def delivered(channel: Channel) -> NotificationDelivered:
    return NotificationDelivered(
        **_message(channel),  # type: ignore[arg-type]
        delivered_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
    )


def failed(channel: Channel) -> NotificationFailed:
    return NotificationFailed(
        **_message(channel),  # type: ignore[arg-type]
        school_id=uuid.uuid4(), reason=FailureReason.NOT_DELIVERED, attempts=1,
    )  # fmt: skip


def test_sent_delivered_and_failed_messages_are_counted_per_channel() -> None:
    events = [
        sent(Channel.SMS),
        sent(Channel.SMS),
        sent(Channel.EMAIL),
        delivered(Channel.SMS),
        failed(Channel.SMS),
        failed(Channel.EMAIL),
    ]
    assert tally(events) == {
        ("sms", "sent"): 2,
        ("email", "sent"): 1,
        ("sms", "delivered"): 1,
        ("sms", "failed"): 1,
        ("email", "failed"): 1,
    }


def test_a_guardian_reported_unreachable_is_no_message_outcome() -> None:
    unreachable = GuardianUnreachable(
        notification_id=uuid.uuid4(),
        guardian_id=uuid.uuid4(),
        pupil_id=uuid.uuid4(),
        school_id=uuid.uuid4(),
        template="consent_requested",
        reason=UnreachableReason.ALL_CHANNELS_FAILED,
        waiting_since=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        **CAUSE,  # type: ignore[arg-type]
    )
    assert tally([unreachable]) == {}
