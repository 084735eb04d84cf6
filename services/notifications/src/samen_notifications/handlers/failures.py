"""A message that failed for good: record it, fall back to the other channel when the
guardian has one, and when every channel failed tell staff (`GuardianUnreachable`)."""

from __future__ import annotations

from datetime import datetime

import structlog
from samen_contract.events.notifications import Channel as WireChannel
from samen_contract.events.notifications import FailureReason, UnreachableReason
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import messages
from samen_notifications.adapters.messages import FAILED
from samen_notifications.adapters.tables import MessageRow, NotificationRow
from samen_notifications.domain.contact import ContactPoint
from samen_notifications.domain.outcome import AllChannelsFailed, FallBackTo, after_final_failure
from samen_notifications.domain.rules import Channel, Urgency
from samen_notifications.domain.scheduling import Send, message_key, send_time
from samen_notifications.handlers import emitting
from samen_notifications.handlers.planning import Planner, message_row

log = structlog.get_logger(__name__)


class FailureSettler:
    def __init__(self, writer: EventWriter, planner: Planner) -> None:
        self._writer = writer
        self._planner = planner

    async def settle(
        self,
        session: AsyncSession,
        n: NotificationRow,
        m: MessageRow,
        *,
        reason: FailureReason,
        error_code: int | None,
        point: ContactPoint | None,
        now: datetime,
    ) -> None:
        """`m` is already marked failed in this transaction."""
        siblings = await messages.messages_of(session, n.id)
        tried = {Channel(x.channel) for x in siblings}
        still_open = {Channel(x.channel) for x in siblings if x.status != FAILED and x.id != m.id}
        reachable = () if point is None or point.do_not_contact else point.reachable_channels
        outcome = after_final_failure(tried=tried, still_open=still_open, reachable=reachable)
        fallback = outcome.channel if isinstance(outcome, FallBackTo) else None
        if fallback is not None and point is not None:
            await self._fall_back(session, n, fallback, point, now)
        event = emitting.failed(
            n, m, reason, error_code, WireChannel(fallback.value) if fallback else None
        )
        await emitting.emit(session, self._writer, n, event, m.id)
        log.info(
            "notifications.message.failed",
            message_id=str(m.id),
            reason=reason.value,
            fallback=fallback.value if fallback else None,
        )
        if isinstance(outcome, AllChannelsFailed):
            await self._planner.give_up(session, n, UnreachableReason.ALL_CHANNELS_FAILED)

    async def _fall_back(
        self,
        session: AsyncSession,
        n: NotificationRow,
        channel: Channel,
        point: ContactPoint,
        now: datetime,
    ) -> None:
        urgency = Urgency.URGENT if n.urgent else Urgency.NORMAL
        send = Send(channel, send_time(channel, urgency, now, point.quiet_hours))
        key = message_key(n.cause_id, n.recipient_id, channel).value
        await messages.add_messages(
            session, [message_row(n.id, n.tenant, key, send, fallback=True)]
        )
