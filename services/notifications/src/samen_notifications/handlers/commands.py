"""Use cases started here rather than by another service's event: a staff broadcast,
a parent asking for a fresh link, a link to a parent's own contact preferences.

Each plans through the same `Planner` (so: once per recipient and channel, quiet
hours, waiting for contact points) under a `command:<name>` rule.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import structlog
from samen_contract.events.notifications import Command, RecipientKind
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import broadcasts, bulk, roster
from samen_notifications.domain.evening import InvitedEvent
from samen_notifications.domain.items import ItemKind, ItemRef
from samen_notifications.domain.rules import BROADCAST, Urgency, rule_named
from samen_notifications.domain.rules import command as command_rule
from samen_notifications.handlers.planning import Cause, Planner, PlanOutcome, Recipient

log = structlog.get_logger(__name__)
# Fixed forever: command ids already stored depend on it.
COMMAND_NAMESPACE = uuid.UUID("6f1e2b8a-3c4d-5e6f-8a9b-0c1d2e3f4a5b")
RENEWAL_WINDOW_SECONDS = 3600  # one fresh link per guardian and item per hour


@dataclass(frozen=True, slots=True)
class BroadcastScope:
    kind: str  # "school", "board" or "tenant"
    id: uuid.UUID | None = None
    group: str | None = None  # one class group of the school


@dataclass(frozen=True, slots=True)
class BroadcastRequest:
    broadcast_id: uuid.UUID
    tenant: str
    scope: BroadcastScope
    school_ids: tuple[uuid.UUID, ...] | None  # None: the whole tenant
    sender_name: str
    texts: dict[str, dict[str, str]]
    created_by: str
    event: InvitedEvent | None = None


async def send_broadcast(
    session: AsyncSession, planner: Planner, request: BroadcastRequest, now: datetime
) -> int:
    """Plan one message per guardian in scope who did not stop bulk messages; a repeated
    request plans nothing more."""
    in_scope = await broadcasts.guardians_of_schools(
        session, request.tenant, request.school_ids, request.scope.group
    )
    stopped = await bulk.opted_out(session, request.tenant, in_scope)
    guardians = [g for g in in_scope if g not in stopped]
    await broadcasts.save(session, _broadcast_row(request, len(guardians), now))
    cause = Cause(
        id=request.broadcast_id,
        tenant=request.tenant,
        correlation_id=str(request.broadcast_id),
        rule_key=BROADCAST,
        command=Command.BROADCAST,
        school_id=request.scope.id if request.scope.kind == "school" else None,
    )
    await planner.plan(
        session,
        cause,
        rule_named(BROADCAST, "broadcast"),
        [Recipient(RecipientKind.GUARDIAN, gid) for gid in guardians],
        facts={"broadcast_id": str(request.broadcast_id)},
        item=None,
        urgency=Urgency.NORMAL,
        now=now,
    )
    return len(guardians)


def _broadcast_row(request: BroadcastRequest, recipients: int, now: datetime) -> dict[str, Any]:
    return {
        "id": request.broadcast_id,
        "tenant": request.tenant,
        "scope_kind": request.scope.kind,
        "scope_id": request.scope.id,
        "group_code": request.scope.group,
        "event": None if request.event is None else request.event.to_json(),
        "sender_name": request.sender_name,
        "texts": request.texts,
        "created_by": request.created_by,
        "recipients": recipients,
        "created_at": now,
    }


async def send_fresh_link(
    session: AsyncSession,
    planner: Planner,
    *,
    tenant: str,
    guardian_id: uuid.UUID,
    pupil_id: uuid.UUID,
    item: ItemRef,
    now: datetime,
) -> PlanOutcome:
    """A new link for the same guardian, pupil and item, to the contact points on file."""
    window = int(now.timestamp()) // RENEWAL_WINDOW_SECONDS
    command_id = uuid.uuid5(
        COMMAND_NAMESPACE, f"renew/{tenant}/{guardian_id}/{item.claim}/{window}"
    )
    about = _About(tenant, guardian_id, pupil_id, item)
    return await _to_guardian(session, planner, Command.LINK_RENEWAL, command_id, about, now)


async def send_preferences_link(
    session: AsyncSession,
    planner: Planner,
    *,
    tenant: str,
    guardian_id: uuid.UUID,
    requested_by: str,
    now: datetime,
) -> PlanOutcome | None:
    """None when this service knows no pupil of the guardian (the link binds one)."""
    pupils = await roster.pupils_of_guardian(session, tenant, guardian_id)
    if not pupils:
        return None
    log.info("notifications.preferences_link.requested", by=requested_by)
    command_id = uuid.uuid5(COMMAND_NAMESPACE, f"prefs/{tenant}/{guardian_id}/{now.isoformat()}")
    item = ItemRef(ItemKind.CONTACT, str(guardian_id))
    about = _About(tenant, guardian_id, pupils[0], item)
    return await _to_guardian(session, planner, Command.PREFERENCES_LINK, command_id, about, now)


@dataclass(frozen=True, slots=True)
class _About:
    """The one guardian a command writes to, about which pupil and item."""

    tenant: str
    guardian_id: uuid.UUID
    pupil_id: uuid.UUID
    item: ItemRef


async def _to_guardian(
    session: AsyncSession,
    planner: Planner,
    command: Command,
    command_id: uuid.UUID,
    about: _About,
    now: datetime,
) -> PlanOutcome:
    """Plan the command's message (its rule and template are named after it)."""
    pupil = (await roster.pupils(session, about.tenant, [about.pupil_id])).get(about.pupil_id)
    rule_key = command_rule(command.value)
    cause = Cause(
        id=command_id,
        tenant=about.tenant,
        correlation_id=str(command_id),
        rule_key=rule_key,
        command=command,
        pupil_id=about.pupil_id,
        school_id=pupil.school_id if pupil else None,
    )
    return await planner.plan(
        session,
        cause,
        rule_named(rule_key, command.value),
        [Recipient(RecipientKind.GUARDIAN, about.guardian_id)],
        facts={},
        item=about.item,
        urgency=Urgency.NORMAL,
        now=now,
    )
