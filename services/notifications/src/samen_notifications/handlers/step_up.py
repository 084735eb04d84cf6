"""Use cases of the step-up (ADR 0012): send a one-time code to the guardian's contact
point on file, and check the code typed back. A lock is written to the outbox as
`StepUpLocked` (ids only), which the audit log keeps."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from samen_contract import deterministic_event_id
from samen_contract.events.notifications import StepUpLocked
from samen_kit.access.guardian import GuardianClaims
from samen_kit.access.step_up import (
    DEFAULT_POLICY,
    Answer,
    Challenge,
    SendDecision,
    StepUpPolicy,
    answer,
    issue,
    may_send,
    new_code,
)
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import step_ups

ACTOR = "system:notifications.step_up"


def hashing_key(secret: str) -> bytes:
    """The code hashes' own key, derived from the service's secret and used for nothing else."""
    return hashlib.sha256(b"samen.step-up:" + secret.encode()).digest()


@dataclass(frozen=True)
class CodeToSend:
    challenge_id: UUID
    code: str  # in memory only, on its way to the gateway or relay


async def start_step_up(
    session: AsyncSession,
    claims: GuardianClaims,
    *,
    key: bytes,
    now: datetime,
    policy: StepUpPolicy = DEFAULT_POLICY,
) -> SendDecision | CodeToSend:
    """A new challenge and its code, or why none is sent."""
    since = now - max(policy.send_window, policy.lock_for)
    recent = await step_ups.recent(session, claims.tenant, claims.guardian_id, claims.item, since)
    decision = may_send(recent, now, policy)
    if decision is not SendDecision.SEND:
        return decision
    code = new_code(policy)
    challenge = issue(
        challenge_id=uuid4(),
        guardian_id=claims.guardian_id,
        pupil_id=claims.pupil_id,
        item=claims.item,
        tenant=claims.tenant,
        code=code,
        secret=key,
        now=now,
        policy=policy,
    )
    await step_ups.add(session, challenge)
    return CodeToSend(challenge.id, code)


async def check_code(
    session: AsyncSession,
    writer: EventWriter,
    claims: GuardianClaims,
    challenge_id: UUID,
    code: str,
    *,
    key: bytes,
    now: datetime,
) -> Answer:
    challenge = await step_ups.locked_for_answer(
        session, claims.tenant, claims.guardian_id, challenge_id
    )
    if challenge is None or challenge.item != claims.item:
        return Answer.EXPIRED  # not this guardian's challenge for this item: ask anew
    was_locked = challenge.locked_until is not None
    outcome, after = answer(challenge, code, secret=key, now=now)
    if after != challenge:
        await step_ups.save(session, after)
    if outcome is Answer.LOCKED and not was_locked:
        await _record_lock(session, writer, after)
    return outcome


async def _record_lock(session: AsyncSession, writer: EventWriter, challenge: Challenge) -> None:
    if challenge.locked_until is None:
        raise ValueError("only a locked challenge is recorded as locked")
    event = StepUpLocked(
        challenge_id=challenge.id,
        guardian_id=challenge.guardian_id,
        pupil_id=challenge.pupil_id,
        item_kind=challenge.item.kind,
        item_id=UUID(challenge.item.id),
        attempts=challenge.attempts,
        locked_until=challenge.locked_until,
    )
    await writer.emit(
        session,
        event,
        tenant=challenge.tenant,
        subject=str(challenge.pupil_id),
        actor=f"guardian:{challenge.guardian_id}",
        event_id=deterministic_event_id("notifications", "StepUpLocked", str(challenge.id)),
    )
