"""Use case: an SMS delivery report arrives — the message is delivered, or it failed
(and falls back to e-mail when the guardian has one).

Matched by our reference (the message key, in every report), else by the gateway's id.
A report can overtake the dispatcher's own record of the send (the gateway answers
fast); it then records the send too, with the same event id the dispatcher would use.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import structlog
from samen_contract.events.notifications import FailureReason
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import contacts, messages
from samen_notifications.adapters.messages import SENDING, SENT
from samen_notifications.adapters.ports import SmsReport, SmsStatus
from samen_notifications.adapters.recipients import guardian_contact_point, staff_contact_point
from samen_notifications.adapters.tables import MessageRow, NotificationRow
from samen_notifications.domain.contact import ContactPoint, QuietHours
from samen_notifications.handlers import emitting
from samen_notifications.handlers.failures import FailureSettler

log = structlog.get_logger(__name__)
FINAL_FAILURES = {
    SmsStatus.DELIVERY_FAILED: FailureReason.NOT_DELIVERED,
    SmsStatus.EXPIRED: FailureReason.EXPIRED,
}


@dataclass(frozen=True, slots=True)
class _Written:
    lang_used: str
    fell_back: bool
    segments: int | None


class ReportRecorder:
    def __init__(self, writer: EventWriter, settler: FailureSettler, quiet: QuietHours) -> None:
        self._writer = writer
        self._settler = settler
        self._quiet = quiet

    async def record(self, session: AsyncSession, report: SmsReport, now: datetime) -> bool:
        """False when no message of ours matches the report (it is ignored)."""
        m = await _find(session, report)
        if m is None:
            log.info("notifications.sms_report.unmatched", status=report.status.value)
            return False
        n = (await messages.notifications_by_id(session, [m.notification_id]))[m.notification_id]
        if report.status is SmsStatus.DELIVERED:
            await self._delivered(session, n, m, report.reported_at or now)
        elif report.status in FINAL_FAILURES:
            await self._failed(session, n, m, report, now)
        return True

    async def _delivered(
        self, session: AsyncSession, n: NotificationRow, m: MessageRow, at: datetime
    ) -> None:
        if m.status == SENDING:
            await self._record_send(session, n, m)
        if await messages.mark_delivered(session, m.id, at, from_states=(SENDING, SENT)):
            await emitting.emit(session, self._writer, n, emitting.delivered(n, m, at), m.id)
            log.info("notifications.message.delivered", message_id=str(m.id))

    async def _failed(
        self,
        session: AsyncSession,
        n: NotificationRow,
        m: MessageRow,
        report: SmsReport,
        now: datetime,
    ) -> None:
        if m.status == SENDING:
            await self._record_send(session, n, m)
        await self.fail(session, m, FINAL_FAILURES[report.status], report.error_code, now)

    async def fail(
        self,
        session: AsyncSession,
        m: MessageRow,
        reason: FailureReason,
        error_code: int | None,
        now: datetime,
    ) -> None:
        """A message the channel took turned out to fail (a report, a bounce)."""
        if not await messages.mark_failed(
            session, m.id, now, reason.value, error_code, from_states=(SENDING, SENT)
        ):
            return
        n = (await messages.notifications_by_id(session, [m.notification_id]))[m.notification_id]
        point = await self._point(session, n)
        await self._settler.settle(
            session, n, m, reason=reason, error_code=error_code, point=point, now=now
        )

    async def _record_send(self, session: AsyncSession, n: NotificationRow, m: MessageRow) -> None:
        written = _Written(m.lang_used or "nl", bool(m.fell_back), m.segments)
        await emitting.emit(session, self._writer, n, emitting.sent(n, m, written), m.id)

    async def _point(self, session: AsyncSession, n: NotificationRow) -> ContactPoint | None:
        if n.recipient_kind == "staff":
            rows = await contacts.staff_contacts(session, n.tenant, [n.recipient_id])
            return staff_contact_point(rows.get(n.recipient_id))
        row = await contacts.guardian_contact(session, n.tenant, n.recipient_id)
        return guardian_contact_point(row, self._quiet)


async def _find(session: AsyncSession, report: SmsReport) -> MessageRow | None:
    if report.reference:
        try:
            found = await messages.message_for_update(session, uuid.UUID(hex=report.reference))
        except ValueError:
            found = None
        if found is not None:
            return found
    if report.provider_id:
        return await messages.message_by_provider_id(session, report.provider_id)
    return None
