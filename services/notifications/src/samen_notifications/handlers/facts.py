"""Use case: an event of another service arrives — keep what this service needs of it,
then plan the notifications its rules ask for, in the same transaction (the consumer's).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import structlog
from samen_contract import Envelope
from samen_contract.events.notifications import RecipientKind
from samen_kit.clock import Clock
from samen_kit.consumer import Delivery
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import contacts, roster
from samen_notifications.domain.dates import local_moment
from samen_notifications.domain.facts import event_facts, facts_from_json
from samen_notifications.domain.items import ItemKind, item_of
from samen_notifications.domain.rules import Audience, NotificationRule, rules_for, urgency_of
from samen_notifications.handlers.planning import Cause, Planner, Recipient
from samen_notifications.handlers.projections import project

log = structlog.get_logger(__name__)
Data = Mapping[str, Any]
AUTHORITY = ("parental_authority",)
REMINDER = "samen.consent.ConsentReminderDue.v1"
REMINDER_WINDOW = timedelta(days=7)


class EventHandler:
    """The consumers' handler: `await handler(session, delivery)`; never commits."""

    def __init__(self, planner: Planner, clock: Clock) -> None:
        self._planner = planner
        self._clock = clock

    async def __call__(self, session: AsyncSession, delivery: Delivery) -> None:
        env, data = delivery.envelope, delivery.data
        await project(session, delivery)
        for rule in rules_for(env.type):
            await self._notify(session, env, data, rule)

    async def _notify(
        self, session: AsyncSession, env: Envelope, data: Data, rule: NotificationRule
    ) -> None:
        now = self._clock.now()
        pupil_id = _uuid(data.get("pupil_id"))
        school_id = _uuid(data.get("school_id")) or await _school_of(session, env.tenant, pupil_id)
        facts = event_facts(env.type, data, env.time)
        if env.type == REMINDER:
            facts = {**facts, **await _request_facts(session, env.tenant, data, env.time)}
        recipients = await _recipients(session, env.tenant, rule, data, pupil_id, school_id)
        cause = Cause(
            id=UUID(env.id),
            tenant=env.tenant,
            correlation_id=env.correlationid,
            rule_key=env.type,
            event_type=env.type,
            pupil_id=pupil_id,
            school_id=school_id,
        )
        urgency = urgency_of(rule, now, facts.get("starts_at"))
        item = None if rule.for_staff else item_of(env.type, data)
        outcome = await self._planner.plan(
            session, cause, rule, recipients, facts=facts, item=item, urgency=urgency, now=now
        )
        log.info(
            "notifications.planned",
            template=rule.template,
            recipients=len(recipients),
            planned=outcome.planned,
            waiting=outcome.waiting,
            unreachable=outcome.unreachable,
        )


async def _recipients(
    session: AsyncSession,
    tenant: str,
    rule: NotificationRule,
    data: Data,
    pupil_id: UUID | None,
    school_id: UUID | None,
) -> list[Recipient]:
    if rule.for_staff:
        if school_id is None:
            return []
        found = await contacts.staff_for_school(
            session, tenant, school_id, rule.recipients.staff_roles
        )
        return [Recipient(RecipientKind.STAFF, row.staff_id) for row in found]
    ids = await _guardian_ids(session, tenant, rule, data, pupil_id)
    return [Recipient(RecipientKind.GUARDIAN, gid) for gid in ids]


async def _guardian_ids(
    session: AsyncSession, tenant: str, rule: NotificationRule, data: Data, pupil_id: UUID | None
) -> list[UUID]:
    """Whom the event names, else the pupil's guardians as this service knows them."""
    if "parties" in data:  # a consent request: exactly the parties to ask
        return [UUID(str(p["party_id"])) for p in data["parties"] if p.get("role") == "guardian"]
    if "party_id" in data and "number" in data:  # a reminder to one party
        return await _reminder_party(session, tenant, data)
    named = [UUID(str(g)) for g in data.get("guardian_ids", ())]
    if pupil_id is None:
        return named
    if rule.recipients.audience is Audience.GUARDIANS_WITH_AUTHORITY:
        return named or await roster.guardians_of(session, tenant, pupil_id, AUTHORITY)
    everyone = await roster.guardians_of(session, tenant, pupil_id)
    return sorted(set(named) | set(everyone))


async def _reminder_party(session: AsyncSession, tenant: str, data: Data) -> list[UUID]:
    """No reminder for a request that was answered or closed meanwhile, nor to a pupil."""
    party = UUID(str(data["party_id"]))
    if data.get("party_role") == "pupil":
        return []  # a pupil answers in a conversation with staff, not by message
    state = await roster.item_state(
        session, tenant, ItemKind.CONSENT_REQUEST.value, str(data["request_id"])
    )
    if state is None:
        return [party]
    if state.closed or party in state.answered or party not in state.guardian_parties:
        log.info("notifications.reminder.skipped", closed=state.closed)
        return []
    return [party]


async def _request_facts(
    session: AsyncSession, tenant: str, data: Data, at: datetime
) -> dict[str, Any]:
    """The request's own answer date; unknown (its event not seen): a week from now."""
    state = await roster.item_state(
        session, tenant, ItemKind.CONSENT_REQUEST.value, str(data["request_id"])
    )
    if state is None or state.facts.get("deadline") is None:
        return {"deadline": local_moment(at + REMINDER_WINDOW).date()}
    return {"deadline": facts_from_json(state.facts)["deadline"]}


async def _school_of(session: AsyncSession, tenant: str, pupil_id: UUID | None) -> UUID | None:
    if pupil_id is None:
        return None
    pupil = (await roster.pupils(session, tenant, [pupil_id])).get(pupil_id)
    return pupil.school_id if pupil else None


def _uuid(value: object) -> UUID | None:
    return None if value is None else UUID(str(value))
