"""Use case: a bounce came back — the e-mail it names failed after all (the relay had
accepted it), and the guardian's other channel takes over when there is one."""

from __future__ import annotations

import uuid
from datetime import datetime

import structlog
from samen_contract.events.notifications import FailureReason
from samen_kit.clock import Clock
from samen_kit.db import unit_of_work
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_notifications.adapters import bounces, messages
from samen_notifications.adapters.messages import SENT
from samen_notifications.adapters.ports import AbstractBounceInbox, Bounce
from samen_notifications.domain.scheduling import MESSAGE_ID_DOMAIN
from samen_notifications.handlers.reports import ReportRecorder

log = structlog.get_logger(__name__)


def message_key_of(message_id: str) -> uuid.UUID | None:
    """Our message key from a Message-ID we wrote (`<key@samen.invalid>`), else None."""
    local, _, domain = message_id.strip().strip("<>").partition("@")
    if domain != MESSAGE_ID_DOMAIN:
        return None
    try:
        return uuid.UUID(local)
    except ValueError:
        return None


async def record_bounce(
    session: AsyncSession, recorder: ReportRecorder, bounce: Bounce, now: datetime
) -> bool:
    """True when the bounce named a sent e-mail of ours, now failed."""
    key = message_key_of(bounce.message_id)
    m = await messages.message_for_update(session, key) if key else None
    if m is None or m.status != SENT or not bounce.permanent:
        return False
    code = int(bounce.status.replace(".", ""))  # 5.1.1 -> 511: the class and detail, no text
    await recorder.fail(session, m, FailureReason.BOUNCED, code, now)
    return True


async def read_bounces(
    sessions: async_sessionmaker[AsyncSession],
    inbox: AbstractBounceInbox,
    recorder: ReportRecorder,
    clock: Clock,
) -> int:
    recorded = 0
    for raw in await inbox.fetch():
        bounce = bounces.parse_bounce(raw)
        if bounce is None:
            continue
        async with unit_of_work(sessions) as session:
            recorded += await record_bounce(session, recorder, bounce, clock.now())
    if recorded:
        log.info("notifications.bounces.recorded", count=recorded)
    return recorded
