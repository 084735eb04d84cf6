"""Short links of SMS messages. The target holds a guardian token: stored here only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters.tables import ShortLinkRow

SHORT_LINK: Table = ShortLinkRow.__table__  # type: ignore[attr-defined]


async def save_short_links(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """One code per message: a resend keeps its code and points it at the fresh token."""
    if not rows:
        return
    stmt = insert(SHORT_LINK).values(list(rows))
    stmt = stmt.on_conflict_do_update(
        index_elements=[SHORT_LINK.c.message_id],
        set_={"target_url": stmt.excluded.target_url, "expires_at": stmt.excluded.expires_at},
    )
    await session.execute(stmt)


async def target_of(session: AsyncSession, code: str, now: datetime) -> str | None:
    stmt = select(SHORT_LINK.c.target_url).where(
        SHORT_LINK.c.code == code, SHORT_LINK.c.expires_at > now
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def stale_target_of(session: AsyncSession, code: str) -> str | None:
    """The target of a link whose time is up (to offer a fresh one for the same item)."""
    stmt = select(SHORT_LINK.c.target_url).where(SHORT_LINK.c.code == code)
    return (await session.execute(stmt)).scalar_one_or_none()
