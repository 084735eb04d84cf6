"""From contact rows to the domain's `ContactPoint`, and the keys of notifications."""

from __future__ import annotations

import uuid
from datetime import time

import structlog

from samen_notifications.adapters.tables import GuardianContactRow, StaffContactRow
from samen_notifications.domain.contact import ContactPoint, QuietHours
from samen_notifications.domain.errors import InvalidContactPoint
from samen_notifications.domain.rules import Channel, MessageKind

log = structlog.get_logger(__name__)
# Fixed forever: notification ids already stored depend on it.
NOTIFICATION_NAMESPACE = uuid.UUID("0c4f3c55-9d7e-5d0c-8c43-6e6f74696e67")


def notification_id(cause_id: uuid.UUID, recipient_id: uuid.UUID) -> uuid.UUID:
    """One notification per (cause, recipient)."""
    return uuid.uuid5(NOTIFICATION_NAMESPACE, f"{cause_id}/{recipient_id}")


def guardian_contact_point(
    row: GuardianContactRow | None, default_quiet: QuietHours
) -> ContactPoint | None:
    if row is None:
        return None
    quiet = default_quiet
    if row.quiet_start is not None and row.quiet_end is not None:
        quiet = QuietHours(_as_time(row.quiet_start), _as_time(row.quiet_end))
    try:
        return ContactPoint(
            email=row.email,
            mobile=row.mobile,
            language=row.language,
            channel_choices={
                MessageKind(kind): {Channel(c) for c in channels}
                for kind, channels in row.channel_choices.items()
            },
            quiet_hours=quiet,
            do_not_contact=row.do_not_contact,
        )
    except (InvalidContactPoint, ValueError) as error:
        # Stored values were checked on the way in; a bad one reads as "no contact point".
        log.warning("notifications.contact.unusable", error=type(error).__name__)
        return None


def staff_contact_point(row: StaffContactRow | None) -> ContactPoint | None:
    if row is None:
        return None
    try:
        return ContactPoint(email=row.email, language="nl")
    except InvalidContactPoint:
        log.warning("notifications.staff_contact.unusable")
        return None


def _as_time(value: time) -> time:
    return value.replace(tzinfo=None)
