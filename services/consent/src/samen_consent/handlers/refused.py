"""Record an action the consent rules refused, as `ConsentActionRefused`, for the audit trail.

The action's own transaction has rolled back (nothing changed); the record goes in a
transaction of its own. Its event id is derived from who tried what on which target for
which reason in which minute, so a flood of the same attempt records one event a minute.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from uuid import UUID

from samen_contract import deterministic_event_id
from samen_contract.events.consent import ConsentAction, ConsentActionRefused
from samen_kit.db import unit_of_work
from samen_kit.outbox import emit

from samen_consent.domain.errors import ConsentError
from samen_consent.domain.purposes import is_purpose_code
from samen_consent.handlers.context import Context


@dataclass
class Attempt:
    """What was tried, filled in as the handler learns more (pupil, school, purpose)."""

    tenant: str
    actor: str
    action: ConsentAction
    request_id: UUID | None = None
    pupil_id: UUID | None = None
    purpose: str | None = None
    school_id: UUID | None = None
    board_id: UUID | None = None


@asynccontextmanager
async def refusals_recorded(ctx: Context, attempt: Attempt) -> AsyncIterator[Attempt]:
    """Around a unit of work: a `ConsentError` raised inside is recorded, then re-raised."""
    try:
        yield attempt
    except ConsentError as error:
        await record_refusal(ctx, attempt, error)
        raise


async def record_refusal(ctx: Context, attempt: Attempt, error: ConsentError) -> None:
    window = ctx.now().replace(second=0, microsecond=0)
    reason = error.slug.replace("-", "_")
    purpose = attempt.purpose if attempt.purpose and is_purpose_code(attempt.purpose) else None
    event = ConsentActionRefused(
        action=attempt.action,
        reason=reason,
        request_id=attempt.request_id,
        pupil_id=attempt.pupil_id,
        purpose=purpose,
        window_start=window,
    )
    target = str(attempt.request_id or attempt.pupil_id or attempt.purpose or "-")
    event_id = deterministic_event_id(
        event.event_type(),
        attempt.tenant,
        attempt.actor,
        attempt.action.value,
        target,
        reason,
        window.isoformat(),
    )
    async with unit_of_work(ctx.sessions) as session:
        await emit(
            session,
            event,
            tenant=attempt.tenant,
            subject=str(attempt.pupil_id) if attempt.pupil_id else attempt.tenant,
            actor=attempt.actor,
            school=None if attempt.school_id is None else str(attempt.school_id),
            board=None if attempt.board_id is None else str(attempt.board_id),
            event_id=event_id,
            time=ctx.now(),
        )
