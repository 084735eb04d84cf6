"""What staff may see of what was sent: notifications and messages by pupil or cause,
counts by status. Statuses and ids only: no address is ever selected here."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_notifications.adapters.messages import MESSAGE, NOTIFICATION
from samen_notifications.adapters.tables import MessageRow, NotificationRow


async def messages_about_pupil(
    session: AsyncSession, tenant: str, pupil_id: UUID
) -> list[tuple[MessageRow, NotificationRow]]:
    stmt = (
        select(MessageRow, NotificationRow)
        .join(NotificationRow, NOTIFICATION.c.id == MESSAGE.c.notification_id)
        .where(col(NotificationRow.tenant) == tenant, col(NotificationRow.pupil_id) == pupil_id)
        .order_by(NOTIFICATION.c.created_at, MESSAGE.c.channel)
    )
    return [(m, n) for m, n in (await session.execute(stmt)).all()]


async def notifications_about_pupil(
    session: AsyncSession, tenant: str, pupil_id: UUID
) -> list[NotificationRow]:
    stmt = (
        select(NotificationRow)
        .where(col(NotificationRow.tenant) == tenant, col(NotificationRow.pupil_id) == pupil_id)
        .order_by(NOTIFICATION.c.created_at)
    )
    return list((await session.execute(stmt)).scalars().all())


async def status_counts(
    session: AsyncSession, tenant: str, cause_id: UUID | None = None
) -> dict[str, dict[str, int]]:
    """{channel: {status: count}} for the tenant (or one cause, e.g. a broadcast)."""
    stmt = (
        select(MESSAGE.c.channel, MESSAGE.c.status, func.count())
        .join(NOTIFICATION, NOTIFICATION.c.id == MESSAGE.c.notification_id)
        .where(NOTIFICATION.c.tenant == tenant)
        .group_by(MESSAGE.c.channel, MESSAGE.c.status)
    )
    if cause_id is not None:
        stmt = stmt.where(NOTIFICATION.c.cause_id == cause_id)
    found: dict[str, dict[str, int]] = {}
    for channel, status, count in (await session.execute(stmt)).all():
        found.setdefault(channel, {})[status] = int(count)
    return found
