"""Notifications and their messages: planning, claiming, results. Never commits.

The dispatcher works across tenants (it sends whatever is due); everything a staff
member or guardian asks for is scoped by tenant in the functions that take one.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Table, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_notifications.adapters.tables import MessageRow, NotificationRow

NOTIFICATION: Table = NotificationRow.__table__  # type: ignore[attr-defined]
MESSAGE: Table = MessageRow.__table__  # type: ignore[attr-defined]

# Message states: planned -> sending -> sent -> delivered, or failed; cancelled before sending.
PLANNED, SENDING, SENT, DELIVERED, FAILED, CANCELLED = (
    "planned",
    "sending",
    "sent",
    "delivered",
    "failed",
    "cancelled",
)
OPEN_STATES = frozenset({PLANNED, SENDING, SENT, DELIVERED})
# Notification states.
WAITING, UNREACHABLE = "waiting", "unreachable"


async def _insert_new(
    session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]]
) -> set[UUID]:
    """Many rows in few round trips (SQLAlchemy's insertmanyvalues batches them)."""
    if not rows:
        return set()
    stmt = insert(table).on_conflict_do_nothing().returning(table.c.id)
    result = await session.execute(stmt, list(rows))
    return set(result.scalars().all())


async def add_notifications(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> set[UUID]:
    """Insert; the ids actually inserted (a notification planned before is left alone)."""
    return await _insert_new(session, NOTIFICATION, rows)


async def add_messages(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> set[UUID]:
    """Insert; a message that exists for its (notification, channel) is left alone."""
    return await _insert_new(session, MESSAGE, rows)


async def set_notification_status(
    session: AsyncSession, notification_id: UUID, status: str, wait_until: datetime | None = None
) -> None:
    await session.execute(
        update(NOTIFICATION)
        .where(NOTIFICATION.c.id == notification_id)
        .values(status=status, wait_until=wait_until)
    )


async def waiting_for_any(
    session: AsyncSession, tenant: str, recipient_ids: Collection[UUID]
) -> list[NotificationRow]:
    """What waits for a contact point of these recipients, locked in id order."""
    if not recipient_ids:
        return []
    stmt = (
        select(NotificationRow)
        .where(
            col(NotificationRow.tenant) == tenant,
            col(NotificationRow.recipient_id).in_(sorted(recipient_ids)),
            col(NotificationRow.status) == WAITING,
        )
        .order_by(col(NotificationRow.id))
        .with_for_update()
    )
    return list((await session.execute(stmt)).scalars().all())


async def overdue_waiting(
    session: AsyncSession, now: datetime, limit: int
) -> list[NotificationRow]:
    stmt = (
        select(NotificationRow)
        .where(col(NotificationRow.status) == WAITING, NOTIFICATION.c.wait_until <= now)
        .order_by(NOTIFICATION.c.wait_until)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list((await session.execute(stmt)).scalars().all())


_CLAIM = text(
    """
    UPDATE message SET status = 'sending', lease_until = :lease_until, attempts = attempts + 1
    WHERE id IN (
        SELECT id FROM message
        WHERE status IN ('planned', 'sending') AND not_before <= :now
          AND (status = 'planned' OR lease_until < :now)
        ORDER BY not_before
        LIMIT :limit
        FOR UPDATE SKIP LOCKED
    )
    RETURNING id
    """
)


async def claim_due(
    session: AsyncSession, now: datetime, lease_until: datetime, limit: int
) -> list[MessageRow]:
    """Lease what is due (and what a crashed sender left leased): sent by no one else
    until `lease_until`; a lease that runs out is sent again, with the same key."""
    params = {"now": now, "lease_until": lease_until, "limit": limit}
    ids = list((await session.execute(_CLAIM, params)).scalars().all())
    if not ids:
        return []
    stmt = select(MessageRow).where(col(MessageRow.id).in_(ids))
    return list((await session.execute(stmt)).scalars().all())


async def notifications_by_id(
    session: AsyncSession, ids: Collection[UUID]
) -> dict[UUID, NotificationRow]:
    if not ids:
        return {}
    stmt = select(NotificationRow).where(col(NotificationRow.id).in_(list(ids)))  # type: ignore[attr-defined]
    return {row.id: row for row in (await session.execute(stmt)).scalars().all()}


_RENDERED = text(
    """
    UPDATE message AS m SET lang_used = v.lang, fell_back = v.fell_back, segments = v.segments
    FROM unnest(CAST(:ids AS uuid[]), CAST(:langs AS text[]), CAST(:fell_back AS boolean[]),
                CAST(:segments AS integer[])) AS v(id, lang, fell_back, segments)
    WHERE m.id = v.id
    """
)


@dataclass(frozen=True, slots=True)
class Rendering:
    message_id: UUID
    lang_used: str
    fell_back: bool
    segments: int | None


async def record_renderings(session: AsyncSession, renderings: Sequence[Rendering]) -> None:
    if not renderings:
        return
    params = {
        "ids": [r.message_id for r in renderings],
        "langs": [r.lang_used for r in renderings],
        "fell_back": [r.fell_back for r in renderings],
        "segments": [r.segments for r in renderings],
    }
    await session.execute(_RENDERED, params)


_HAND_BACK = text(
    """
    UPDATE message SET status = 'planned', lease_until = NULL, attempts = attempts - 1
    WHERE id = ANY(CAST(:ids AS uuid[])) AND status = 'sending' AND lease_until = :lease_until
    """
)


async def hand_back(session: AsyncSession, leases: Sequence[tuple[UUID, datetime]]) -> None:
    """Sending -> planned, unsent and not counted as an attempt: only under the lease given
    (a lease another sender took since is not ours to hand back)."""
    by_lease: dict[datetime, list[UUID]] = {}
    for message_id, lease_until in leases:
        by_lease.setdefault(lease_until, []).append(message_id)
    for lease_until, ids in by_lease.items():
        await session.execute(_HAND_BACK, {"ids": ids, "lease_until": lease_until})


_SENT = text(
    """
    UPDATE message AS m SET status = 'sent', sent_at = :now, provider_id = v.provider_id,
                            lease_until = NULL
    FROM unnest(CAST(:ids AS uuid[]), CAST(:providers AS text[])) AS v(id, provider_id)
    WHERE m.id = v.id AND m.status = 'sending'
    RETURNING m.id
    """
)


async def mark_sent(
    session: AsyncSession, sent: Sequence[tuple[UUID, str | None]], now: datetime
) -> set[UUID]:
    """Sending -> sent for many at once; the ids that were still sending."""
    if not sent:
        return set()
    params = {"ids": [m for m, _ in sent], "providers": [p for _, p in sent], "now": now}
    return set((await session.execute(_SENT, params)).scalars().all())


async def reschedule(
    session: AsyncSession, message_id: UUID, not_before: datetime, error_code: int | None
) -> None:
    await session.execute(
        update(MESSAGE)
        .where(MESSAGE.c.id == message_id, MESSAGE.c.status == SENDING)
        .values(status=PLANNED, not_before=not_before, lease_until=None, error_code=error_code)
    )


async def mark_failed(
    session: AsyncSession,
    message_id: UUID,
    now: datetime,
    reason: str,
    error_code: int | None,
    *,
    from_states: Collection[str] = (SENDING,),
) -> bool:
    result = await session.execute(
        update(MESSAGE)
        .where(MESSAGE.c.id == message_id, MESSAGE.c.status.in_(list(from_states)))
        .values(
            status=FAILED,
            failed_at=now,
            failure_reason=reason,
            error_code=error_code,
            lease_until=None,
        )
        .returning(MESSAGE.c.id)
    )
    return result.scalar_one_or_none() is not None


async def mark_delivered(
    session: AsyncSession, message_id: UUID, at: datetime, *, from_states: Collection[str]
) -> bool:
    result = await session.execute(
        update(MESSAGE)
        .where(MESSAGE.c.id == message_id, MESSAGE.c.status.in_(list(from_states)))
        .values(status=DELIVERED, delivered_at=at, lease_until=None)
        .returning(MESSAGE.c.id)
    )
    return result.scalar_one_or_none() is not None


async def messages_of(session: AsyncSession, notification_id: UUID) -> list[MessageRow]:
    stmt = select(MessageRow).where(col(MessageRow.notification_id) == notification_id)
    return list((await session.execute(stmt)).scalars().all())


async def message_for_update(session: AsyncSession, message_id: UUID) -> MessageRow | None:
    stmt = select(MessageRow).where(col(MessageRow.id) == message_id).with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def message_by_provider_id(session: AsyncSession, provider_id: str) -> MessageRow | None:
    stmt = select(MessageRow).where(col(MessageRow.provider_id) == provider_id).with_for_update()
    return (await session.execute(stmt)).scalars().first()


async def cancel_planned(
    session: AsyncSession,
    tenant: str,
    *,
    item_kind: str,
    item_id: str,
    templates: Collection[str],
    recipient_id: UUID | None = None,
) -> int:
    """Cancel messages not yet sent (and stop waiting) for an item that moved on."""
    chosen = select(NOTIFICATION.c.id).where(
        NOTIFICATION.c.tenant == tenant,
        NOTIFICATION.c.item_kind == item_kind,
        NOTIFICATION.c.item_id == item_id,
        NOTIFICATION.c.template.in_(list(templates)),
    )
    if recipient_id is not None:
        chosen = chosen.where(NOTIFICATION.c.recipient_id == recipient_id)
    await session.execute(
        update(NOTIFICATION)
        .where(NOTIFICATION.c.id.in_(chosen), NOTIFICATION.c.status == WAITING)
        .values(status=CANCELLED, wait_until=None)
    )
    result = await session.execute(
        update(MESSAGE)
        .where(MESSAGE.c.notification_id.in_(chosen), MESSAGE.c.status == PLANNED)
        .values(status=CANCELLED)
        .returning(MESSAGE.c.id)
    )
    return len(result.scalars().all())
