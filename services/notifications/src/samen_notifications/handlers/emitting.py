"""The facts this service emits, built from its rows, and written through the outbox.

Event ids are derived from what happened (`deterministic_event_id`), so the same fact
found twice — a resend after a crash, a report delivered twice, two sweeps — is written
once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol
from uuid import UUID

from samen_contract import Event, deterministic_event_id
from samen_contract.events.notifications import (
    Channel,
    Command,
    Confirmation,
    FailureReason,
    GuardianUnreachable,
    NotificationDelivered,
    NotificationFailed,
    NotificationSent,
    RecipientKind,
    UnreachableReason,
)
from samen_kit.outbox import Emission, EventWriter
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters.tables import MessageRow, NotificationRow
from samen_notifications.handlers import outcome_counts

ACTOR = "system:notifications.dispatch"


class Rendered(Protocol):
    @property
    def lang_used(self) -> str: ...
    @property
    def fell_back(self) -> bool: ...
    @property
    def segments(self) -> int | None: ...


CONFIRMATION = {
    Channel.EMAIL: Confirmation.RELAY_ACCEPTED,
    Channel.SMS: Confirmation.GATEWAY_ACCEPTED,
}


def _cause(n: NotificationRow) -> dict[str, object]:
    if n.command is not None:
        return {"command": Command(n.command), "command_id": n.cause_id}
    return {"caused_by_event_id": n.cause_id, "caused_by_event_type": n.cause_type}


def _who(n: NotificationRow) -> dict[str, object]:
    return {
        "notification_id": n.id,
        "recipient_kind": RecipientKind(n.recipient_kind),
        "recipient_id": n.recipient_id,
        "pupil_id": n.pupil_id,
    }


def sent(n: NotificationRow, m: MessageRow, how: Rendered) -> NotificationSent:
    """`how`: the language the message was written in and its SMS length."""
    channel = Channel(m.channel)
    return NotificationSent(
        **_who(n),
        school_id=n.school_id,
        message_id=m.id,
        channel=channel,
        template=n.template,
        language=how.lang_used,
        fell_back=how.fell_back,
        confirmation=CONFIRMATION[channel],
        attempt=max(m.attempts, 1),
        segments=how.segments if channel is Channel.SMS else None,
        **_cause(n),  # type: ignore[arg-type]
    )


def delivered(n: NotificationRow, m: MessageRow, at: datetime) -> NotificationDelivered:
    return NotificationDelivered(
        **_who(n),
        message_id=m.id,
        channel=Channel(m.channel),
        template=n.template,
        delivered_at=at,
        **_cause(n),  # type: ignore[arg-type]
    )


def failed(
    n: NotificationRow,
    m: MessageRow,
    reason: FailureReason,
    error_code: int | None,
    fallback: Channel | None,
) -> NotificationFailed:
    return NotificationFailed(
        **_who(n),
        school_id=n.school_id,
        message_id=m.id,
        channel=Channel(m.channel),
        template=n.template,
        reason=reason,
        attempts=m.attempts,
        provider_error_code=error_code if error_code is not None and error_code >= 0 else None,
        fallback_channel=fallback,
        **_cause(n),  # type: ignore[arg-type]
    )


def unreachable(n: NotificationRow, reason: UnreachableReason) -> GuardianUnreachable:
    return GuardianUnreachable(
        notification_id=n.id,
        guardian_id=n.recipient_id,
        pupil_id=n.pupil_id,
        school_id=n.school_id,
        template=n.template,
        reason=reason,
        waiting_since=n.waiting_since,
        **_cause(n),  # type: ignore[arg-type]
    )


def emission(n: NotificationRow, event: Event, key: UUID) -> Emission:
    """`event` about notification `n`, with an id derived from the fact and `key`.

    Keyed by the pupil, or else by the recipient (ADR 0010): all facts about one
    guardian stay in order on one partition, and a broadcast's events spread over the
    topic instead of sharing the tenant's one partition and one sequence counter.
    """
    return Emission(
        event,
        tenant=n.tenant,
        subject=str(n.pupil_id) if n.pupil_id else str(n.recipient_id),
        actor=ACTOR,
        school=str(n.school_id) if n.school_id else None,
        correlationid=n.correlation_id,
        causationid=str(n.cause_id),
        event_id=deterministic_event_id("notifications", type(event).__name__, str(key)),
    )


async def emit(
    session: AsyncSession, writer: EventWriter, n: NotificationRow, event: Event, key: UUID
) -> bool:
    """Write `event` about notification `n`; False when this very fact was written before."""
    return bool(await write(session, writer, [emission(n, event, key)]))


async def write(session: AsyncSession, writer: EventWriter, emissions: Sequence[Emission]) -> int:
    """Write `emissions`, counting the message facts among those new; how many were new."""
    written = {envelope.id for envelope in await writer.emit_many(session, emissions)}
    fresh = [e.event for e in emissions if str(e.facts.get("event_id")) in written]
    outcome_counts.count_on_commit(session, fresh)
    return len(written)
