"""Time-driven facts: expiry, reminders and the minute counts of refused attempts.

A sweep lists what may be due, then handles each request in its own transaction under
the request's row lock, re-checking with the domain. Event ids come from the decisions
(`decision_id`), so a second sweep, a second instance or a restart writes nothing new.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from uuid import UUID

from samen_kit.db import unit_of_work

from samen_consent.adapters.requests import SqlRequests, StoredRequest
from samen_consent.domain.reminders import remind
from samen_consent.domain.request import Outcome, RequestState, effective_state
from samen_consent.domain.transitions import expire
from samen_consent.handlers.actors import SWEEP_ACTOR
from samen_consent.handlers.context import Context
from samen_consent.handlers.publishing import publish

Step = Callable[[StoredRequest], Outcome]


async def expire_due(ctx: Context) -> int:
    """Record the end of every consent or question whose validity has ended."""
    now = ctx.now()
    async with unit_of_work(ctx.sessions) as session:
        due = await SqlRequests(session).due_to_expire(now)
    return await _each(ctx, due, lambda stored: expire(stored.request, now))


async def remind_due(ctx: Context) -> int:
    """Emit the reminders due for parties who have not answered an open request."""
    now, policy = ctx.now(), ctx.reminders
    if policy.max_reminders == 0:
        return 0
    async with unit_of_work(ctx.sessions) as session:
        due = await SqlRequests(session).open_since(now - timedelta(days=policy.after_days))

    def step(stored: StoredRequest) -> Outcome:
        if effective_state(stored.request, now) is not RequestState.OPEN:
            return Outcome(stored.request, ())
        return remind(stored.request, now, policy)

    return await _each(ctx, due, step)


async def _each(ctx: Context, due: list[tuple[str, UUID]], step: Step) -> int:
    emitted = 0
    for tenant, request_id in due:
        emitted += await _one(ctx, tenant, request_id, step)
    return emitted


async def _one(ctx: Context, tenant: str, request_id: UUID, step: Step) -> int:
    async with unit_of_work(ctx.sessions) as session:
        requests = SqlRequests(session)
        stored = await requests.get(tenant, request_id, lock=True)
        if stored is None:
            return 0
        outcome = step(stored)
        if not outcome.decisions:
            return 0
        await requests.save(StoredRequest(outcome.request, stored.placement))
        await publish(
            ctx, session, outcome.request, stored.placement, outcome.decisions, SWEEP_ACTOR
        )
        return len(outcome.decisions)
