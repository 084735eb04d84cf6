"""What this service keeps from other services' events: pupils and guardianships (the
kit's roster projection), and the state of items (so a reminder for an answered request
is never sent). Every projection is keyed by the event's tenant."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from uuid import UUID

from samen_contract import Envelope
from samen_kit.consumer import Delivery
from samen_kit.roster import apply_roster_fact, place_pupils
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import messages, roster
from samen_notifications.domain.facts import event_facts, facts_to_json
from samen_notifications.domain.items import ItemKind

Data = Mapping[str, Any]
Projection = Callable[[AsyncSession, Envelope, Data], Awaitable[None]]

CONSENT_REQUEST = ItemKind.CONSENT_REQUEST.value
MEETING = ItemKind.MEETING.value
CONSENT_MESSAGES = ("consent_request", "consent_reminder")
MEETING_MESSAGES = ("meeting_invitation", "meeting_rescheduled", "meeting_reminder")


async def _consent_requested(session: AsyncSession, env: Envelope, data: Data) -> None:
    guardians = [
        UUID(str(p["party_id"])) for p in data.get("parties", ()) if p.get("role") == "guardian"
    ]
    await roster.open_item(
        session,
        env.tenant,
        CONSENT_REQUEST,
        str(data["request_id"]),
        pupil_id=UUID(str(data["pupil_id"])),
        facts=facts_to_json(event_facts(env.type, data, env.time)),
        guardian_parties=guardians,
    )


async def _consent_answered(session: AsyncSession, env: Envelope, data: Data) -> None:
    request, party = str(data["request_id"]), UUID(str(data["party_id"]))
    await roster.mark_answered(session, env.tenant, CONSENT_REQUEST, request, party)
    await messages.cancel_planned(
        session,
        env.tenant,
        item_kind=CONSENT_REQUEST,
        item_id=request,
        templates=CONSENT_MESSAGES,
        recipient_id=party,
    )


async def _consent_closed(session: AsyncSession, env: Envelope, data: Data) -> None:
    request = str(data["request_id"])
    await roster.close_item(session, env.tenant, CONSENT_REQUEST, request)
    await messages.cancel_planned(
        session, env.tenant, item_kind=CONSENT_REQUEST, item_id=request, templates=CONSENT_MESSAGES
    )


async def _meeting_changed(session: AsyncSession, env: Envelope, data: Data) -> None:
    """An older invitation or reminder not sent yet would name the wrong time: drop it."""
    await messages.cancel_planned(
        session,
        env.tenant,
        item_kind=MEETING,
        item_id=str(data["meeting_id"]),
        templates=MEETING_MESSAGES,
    )


def _type(service: str, name: str) -> str:
    return f"samen.{service}.{name}.v1"


PROJECTIONS: Mapping[str, Projection] = {
    _type("consent", "ConsentRequested"): _consent_requested,
    _type("consent", "ConsentAnswered"): _consent_answered,
    _type("consent", "ConsentGiven"): _consent_closed,
    _type("consent", "ConsentRefused"): _consent_closed,
    _type("consent", "ConsentWithdrawn"): _consent_closed,
    _type("consent", "ConsentExpired"): _consent_closed,
    _type("consent", "ConsentRequestCancelled"): _consent_closed,
    _type("meetings", "MeetingRescheduled"): _meeting_changed,
    _type("meetings", "MeetingCancelled"): _meeting_changed,
}


async def project(session: AsyncSession, delivery: Delivery) -> None:
    env, data = delivery.envelope, delivery.data
    if await apply_roster_fact(session, env, delivery.event):
        return  # pupils and guardians: the kit's roster projection
    projection = PROJECTIONS.get(env.type)
    if projection is not None:
        await projection(session, env, data)
    if "pupil_id" in data and "school_id" in data:
        # Most events name the pupil's school: a pupil the roster has not told of yet
        # is placed there.
        pupil_id, school_id = UUID(str(data["pupil_id"])), UUID(str(data["school_id"]))
        await place_pupils(session, env.tenant, school_id, [pupil_id])
