"""Planning: one notification per (cause, recipient), and its messages per channel,
written in the transaction of whatever caused them.

A recipient without a contact point waits (bounded); do-not-contact ends at once as
`GuardianUnreachable` for staff. The database refuses a second notification for the
same (cause, recipient) and a second message for the same channel.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import structlog
from samen_contract.events.notifications import Command, RecipientKind, UnreachableReason
from samen_kit.outbox import EventWriter
from samen_kit.tracing import current_traceparent
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import contacts, messages
from samen_notifications.adapters.messages import PLANNED, UNREACHABLE, WAITING
from samen_notifications.adapters.recipients import (
    guardian_contact_point,
    notification_id,
    staff_contact_point,
)
from samen_notifications.adapters.tables import NotificationRow
from samen_notifications.domain.contact import ContactPoint, QuietHours
from samen_notifications.domain.facts import facts_to_json
from samen_notifications.domain.items import ItemRef
from samen_notifications.domain.rules import NotificationRule, Urgency, rule_named
from samen_notifications.domain.scheduling import (
    AwaitContact,
    Deliver,
    DeliveryPlan,
    Send,
    Unreachable,
    message_key,
    plan_delivery,
)
from samen_notifications.handlers import emitting

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Cause:
    id: UUID
    tenant: str
    correlation_id: str
    rule_key: str
    event_type: str | None = None
    command: Command | None = None
    pupil_id: UUID | None = None
    school_id: UUID | None = None


@dataclass(frozen=True, slots=True)
class Recipient:
    kind: RecipientKind
    id: UUID


@dataclass(frozen=True, slots=True)
class PlanOutcome:
    planned: int = 0
    waiting: int = 0
    unreachable: int = 0
    already: int = 0


class Planner:
    def __init__(self, writer: EventWriter, *, contact_wait: timedelta, quiet: QuietHours) -> None:
        self._writer = writer
        self._wait = contact_wait
        self._quiet = quiet

    async def plan(
        self,
        session: AsyncSession,
        cause: Cause,
        rule: NotificationRule,
        recipients: Sequence[Recipient],
        *,
        facts: dict[str, Any],
        item: ItemRef | None,
        urgency: Urgency,
        now: datetime,
    ) -> PlanOutcome:
        points = await self._contact_points(session, cause.tenant, recipients)
        rows: list[dict[str, Any]] = []
        sends: dict[UUID, tuple[Send, ...]] = {}
        for recipient in recipients:
            plan = plan_delivery(
                rule,
                points.get(recipient.id),
                urgency=urgency,
                waiting_since=now,
                now=now,
                max_wait=self._wait,
            )
            row = _notification_row(cause, rule, recipient, facts, item, urgency, plan, now)
            rows.append(row)
            if isinstance(plan, Deliver):
                sends[row["id"]] = plan.sends
        inserted = await messages.add_notifications(session, rows)
        message_rows = [
            message_row(row["id"], cause.tenant, key_of(cause.id, row["recipient_id"], s), s)
            for row in rows
            if row["id"] in inserted
            for s in sends.get(row["id"], ())
        ]
        await messages.add_messages(session, message_rows)
        return await self._finish(session, rows, inserted)

    async def replan_waiting(
        self, session: AsyncSession, tenant: str, guardian_id: UUID, now: datetime
    ) -> int:
        """A contact point arrived or changed: plan what waited for this guardian."""
        return await self.replan_waiting_of(session, tenant, [guardian_id], now)

    async def replan_waiting_of(
        self, session: AsyncSession, tenant: str, guardian_ids: Collection[UUID], now: datetime
    ) -> int:
        """`replan_waiting` for many guardians (an import): one query finds what waits,
        one reads the contact points of only those it waits for."""
        waiting = await messages.waiting_for_any(session, tenant, guardian_ids)
        if not waiting:
            return 0
        rows = await contacts.guardian_contacts(session, tenant, {n.recipient_id for n in waiting})
        points = {
            guardian_id: guardian_contact_point(row, self._quiet)
            for guardian_id, row in rows.items()
        }
        planned = 0
        for n in waiting:
            planned += await self._replan(session, n, points.get(n.recipient_id), now)
        return planned

    async def _replan(
        self, session: AsyncSession, n: NotificationRow, point: ContactPoint | None, now: datetime
    ) -> int:
        urgency = Urgency.URGENT if n.urgent else Urgency.NORMAL
        plan = plan_delivery(
            rule_named(n.rule_key, n.template),
            point,
            urgency=urgency,
            waiting_since=n.waiting_since,
            now=now,
            max_wait=self._wait,
        )
        if isinstance(plan, Deliver):
            rows = [
                message_row(n.id, n.tenant, key_of(n.cause_id, n.recipient_id, s), s)
                for s in plan.sends
            ]
            await messages.add_messages(session, rows)
            await messages.set_notification_status(session, n.id, PLANNED)
            return 1
        if isinstance(plan, Unreachable):
            await self.give_up(session, n, UnreachableReason(plan.reason.value))
        return 0

    async def give_up(
        self, session: AsyncSession, n: NotificationRow, reason: UnreachableReason
    ) -> None:
        """The notification cannot reach its recipient: staff hear of it (guardians only)."""
        await messages.set_notification_status(session, n.id, UNREACHABLE)
        log.info("notifications.unreachable", notification_id=str(n.id), reason=reason.value)
        if n.recipient_kind == RecipientKind.GUARDIAN:
            await emitting.emit(session, self._writer, n, emitting.unreachable(n, reason), n.id)

    async def _finish(
        self, session: AsyncSession, rows: list[dict[str, Any]], inserted: set[UUID]
    ) -> PlanOutcome:
        counts = {PLANNED: 0, WAITING: 0, UNREACHABLE: 0}
        for row in rows:
            if row["id"] not in inserted:
                continue
            counts[row["status"]] += 1
            if row["status"] == UNREACHABLE:
                n = NotificationRow.model_validate(row)
                await self.give_up(session, n, UnreachableReason.DO_NOT_CONTACT)
        return PlanOutcome(
            counts[PLANNED], counts[WAITING], counts[UNREACHABLE], len(rows) - len(inserted)
        )

    async def _contact_points(
        self, session: AsyncSession, tenant: str, recipients: Sequence[Recipient]
    ) -> dict[UUID, ContactPoint | None]:
        guardians = [r.id for r in recipients if r.kind is RecipientKind.GUARDIAN]
        staff = [r.id for r in recipients if r.kind is RecipientKind.STAFF]
        found: dict[UUID, ContactPoint | None] = {}
        for chunk in _chunks(guardians):
            rows = await contacts.guardian_contacts(session, tenant, chunk)
            found |= {gid: guardian_contact_point(rows.get(gid), self._quiet) for gid in chunk}
        staff_rows = await contacts.staff_contacts(session, tenant, staff)
        found |= {sid: staff_contact_point(staff_rows.get(sid)) for sid in staff}
        return found


def key_of(cause_id: UUID, recipient_id: UUID, send: Send) -> UUID:
    return message_key(cause_id, recipient_id, send.channel).value


def message_row(
    notification: UUID, tenant: str, message_id: UUID, send: Send, *, fallback: bool = False
) -> dict[str, Any]:
    return {
        "id": message_id,
        "notification_id": notification,
        "tenant": tenant,
        "channel": send.channel.value,
        "status": PLANNED,
        "not_before": send.not_before,
        "attempts": 0,
        "fallback": fallback,
        "traceparent": current_traceparent(),  # the handler's span, when tracing is on
    }


def _notification_row(
    cause: Cause,
    rule: NotificationRule,
    recipient: Recipient,
    facts: dict[str, Any],
    item: ItemRef | None,
    urgency: Urgency,
    plan: DeliveryPlan,
    now: datetime,
) -> dict[str, Any]:
    status, wait_until = PLANNED, None
    if isinstance(plan, AwaitContact):
        status, wait_until = WAITING, plan.until
    elif isinstance(plan, Unreachable):
        status = UNREACHABLE
    return {
        "id": notification_id(cause.id, recipient.id),
        "tenant": cause.tenant,
        "pupil_id": cause.pupil_id,
        "school_id": cause.school_id,
        "recipient_kind": recipient.kind.value,
        "recipient_id": recipient.id,
        "rule_key": cause.rule_key,
        "template": rule.template,
        "cause_id": cause.id,
        "cause_type": cause.event_type,
        "command": cause.command.value if cause.command else None,
        "correlation_id": cause.correlation_id,
        "urgent": urgency is Urgency.URGENT,
        "item_kind": item.kind.value if item else None,
        "item_id": item.id if item else None,
        "facts": facts_to_json(facts),
        "status": status,
        "waiting_since": now,
        "wait_until": wait_until,
        "created_at": now,
    }


def _chunks(ids: list[UUID], size: int = 5000) -> list[list[UUID]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
