"""The consent service's facts, applied to the local projection; a consent that goes
away puts the pupil's planned meetings that need it on hold (`MeetingOnHold`), and a
consent given again brings them back at their own time (`MeetingRescheduled`, resumed).

Runs inside the consumer's transaction (the kit records the event in its inbox there).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

from samen_contract import Envelope, Event
from samen_contract.events import consent as c
from samen_contract.events.meetings import RescheduleReason
from samen_kit.roster import apply_roster_fact

from samen_meetings.adapters.mapping import apply_meeting, meeting_of
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.consent_gate import ConsentState, ConsentStatus
from samen_meetings.domain.errors import ConsentRequired
from samen_meetings.domain.holds import hold_for_consent, resume_meeting
from samen_meetings.domain.local_time import local_date
from samen_meetings.domain.meeting import MeetingStatus
from samen_meetings.handlers import payloads
from samen_meetings.handlers.context import Cause, Context, facts

ACTOR = "system:consent-projection"
_NEGATIVE = {
    c.ConsentRefused: ConsentStatus.REFUSED,
    c.ConsentWithdrawn: ConsentStatus.WITHDRAWN,
    c.ConsentExpired: ConsentStatus.EXPIRED,
}


async def apply_consent_fact(ctx: Context, uow: UnitOfWork, env: Envelope, event: Event) -> None:
    if await apply_roster_fact(uow.session, env, event):
        return  # pupils and guardians: the kit's roster projection
    tenant = env.tenant
    match event:
        case c.ConsentGiven():
            state = ConsentState(ConsentStatus.GIVEN, last_valid_day(event.valid_until))
            await uow.projections.set_consent(
                tenant, event.pupil_id, event.purpose, state, event.request_id
            )
            await _resume_meetings(ctx, uow, env, event.pupil_id)
        case c.ConsentRefused() | c.ConsentWithdrawn() | c.ConsentExpired():
            await _consent_gone(ctx, uow, env, event)


def last_valid_day(valid_until: datetime | None) -> date | None:
    """`valid_until` is exclusive (the start of an Amsterdam day); the gate wants the
    last day on which the consent holds."""
    if valid_until is None:
        return None
    return local_date(valid_until - timedelta(microseconds=1))


async def _consent_gone(
    ctx: Context,
    uow: UnitOfWork,
    env: Envelope,
    event: c.ConsentRefused | c.ConsentWithdrawn | c.ConsentExpired,
) -> None:
    current = await uow.projections.consent_request_of(env.tenant, event.pupil_id, event.purpose)
    consents = await uow.projections.consents(env.tenant, event.pupil_id)
    state = consents.state_of(event.purpose)
    if state is not None and state.status is ConsentStatus.GIVEN and current != event.request_id:
        return  # a late fact about an older request: a newer consent stands
    await uow.projections.set_consent(
        env.tenant, event.pupil_id, event.purpose, ConsentState(_NEGATIVE[type(event)]),
        event.request_id,
    )  # fmt: skip
    await _hold_meetings(ctx, uow, env, event.pupil_id)


async def _hold_meetings(ctx: Context, uow: UnitOfWork, env: Envelope, pupil_id: UUID) -> None:
    consents = await uow.projections.consents(env.tenant, pupil_id)
    rows = await uow.meetings.open_for_pupil(
        env.tenant, pupil_id, MeetingStatus.SCHEDULED, ctx.now()
    )
    for row in rows:
        held = hold_for_consent(meeting_of(row), consents, ctx.now())
        if held is None:
            continue
        apply_meeting(row, held)
        row.revision += 1
        event = payloads.on_hold(row, held.hold_reasons)
        await uow.emit(event, **facts(row, _cause(env), ctx.now()))


async def _resume_meetings(ctx: Context, uow: UnitOfWork, env: Envelope, pupil_id: UUID) -> None:
    consents = await uow.projections.consents(env.tenant, pupil_id)
    rows = await uow.meetings.open_for_pupil(env.tenant, pupil_id, MeetingStatus.ON_HOLD, ctx.now())
    for row in rows:
        try:
            resumed = resume_meeting(meeting_of(row), consents, ctx.now())
        except ConsentRequired:
            continue  # another consent it needs is still missing
        apply_meeting(row, resumed)
        row.revision += 1
        event = payloads.rescheduled(row, row.starts_at, row.ends_at, RescheduleReason.RESUMED)
        await uow.emit(event, **facts(row, _cause(env), ctx.now()))


def _cause(env: Envelope) -> Cause:
    return Cause(ACTOR, correlationid=env.correlationid, causationid=env.id)
