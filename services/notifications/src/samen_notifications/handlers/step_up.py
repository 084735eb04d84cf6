"""Use cases of the step-up (ADR 0012): send a one-time code to the guardian's contact
point on file, and check the code typed back. Wrong codes are counted per guardian and
their lock holds for every item (ADR 0017). A lock is written to the outbox as
`StepUpLocked`, each code refused under it as `StepUpRefused` (ids only); the audit log
keeps both."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from samen_contract import deterministic_event_id
from samen_contract.events.notifications import StepUpLocked, StepUpRefused
from samen_kit.access.guardian import GuardianClaims, GuardianItem
from samen_kit.access.step_up import (
    DEFAULT_POLICY,
    Answer,
    Challenge,
    SendDecision,
    StepUpPolicy,
    answer,
    issue,
    lock_on,
    may_send,
    new_code,
    wrong_lately,
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
    writer: EventWriter,
    claims: GuardianClaims,
    *,
    key: bytes,
    now: datetime,
    policy: StepUpPolicy = DEFAULT_POLICY,
) -> SendDecision | CodeToSend:
    """A new challenge and its code, or why none is sent. A lock of this guardian's,
    from any item, refuses it (and the refusal goes to the audit log)."""
    recent = await _recent(session, claims, now, policy)
    decision = may_send(recent, now, policy)
    if decision is SendDecision.LOCKED and (lock := lock_on(recent, now)) is not None:
        await _record_refusal(session, writer, claims, lock)
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
    policy: StepUpPolicy = DEFAULT_POLICY,
) -> Answer:
    challenge = await step_ups.locked_for_answer(
        session, claims.tenant, claims.guardian_id, challenge_id
    )
    if challenge is None or challenge.item != claims.item:
        return Answer.EXPIRED  # not this guardian's challenge for this item: ask anew
    others = [c for c in await _recent(session, claims, now, policy) if c.id != challenge.id]
    if (lock := lock_on(others, now)) is not None:
        # Locked through another item: this code is not even checked.
        await _record_refusal(session, writer, claims, lock)
        return Answer.LOCKED
    was_locked = challenge.locked_until is not None
    wrong_before = wrong_lately(others, now, policy)
    outcome, after = answer(
        challenge, code, secret=key, now=now, policy=policy, wrong_before=wrong_before
    )
    if after != challenge:
        await step_ups.save(session, after)
    if outcome is Answer.LOCKED and not was_locked:
        await _record_lock(session, writer, after)
    return outcome


async def _recent(
    session: AsyncSession, claims: GuardianClaims, now: datetime, policy: StepUpPolicy
) -> list[Challenge]:
    """The guardian's challenges, for any item, that a lock or a count may rest on."""
    since = now - max(policy.send_window, policy.lock_for)
    return await step_ups.recent(session, claims.tenant, claims.guardian_id, since)


async def _record_refusal(
    session: AsyncSession, writer: EventWriter, claims: GuardianClaims, lock: Challenge
) -> None:
    if lock.locked_until is None:
        raise ValueError("only a locked challenge refuses a code")
    locked = _locked(claims.guardian_id, claims.pupil_id, claims.item, lock.locked_until)
    event = StepUpRefused(**locked, locked_by=lock.id)
    # Once per item and lock: pressing again under the same lock adds nothing new.
    once_per = f"{lock.id}:{claims.item.claim}"
    await _emit_once(session, writer, event, claims.tenant, claims.actor, once_per)


async def _record_lock(session: AsyncSession, writer: EventWriter, challenge: Challenge) -> None:
    if challenge.locked_until is None:
        raise ValueError("only a locked challenge is recorded as locked")
    locked = _locked(
        challenge.guardian_id, challenge.pupil_id, challenge.item, challenge.locked_until
    )
    event = StepUpLocked(**locked, challenge_id=challenge.id, attempts=challenge.attempts)
    actor = f"guardian:{challenge.guardian_id}"
    await _emit_once(session, writer, event, challenge.tenant, actor, str(challenge.id))


def _locked(
    guardian_id: UUID, pupil_id: UUID, item: GuardianItem, locked_until: datetime
) -> dict[str, Any]:
    """The fields `StepUpLocked` and `StepUpRefused` share: whose lock, on which item."""
    return {
        "guardian_id": guardian_id,
        "pupil_id": pupil_id,
        "item_kind": item.kind,
        "item_id": UUID(item.id),
        "locked_until": locked_until,
    }


async def _emit_once(
    session: AsyncSession,
    writer: EventWriter,
    event: StepUpLocked | StepUpRefused,
    tenant: str,
    actor: str,
    once_per: str,
) -> None:
    """Emit `event` about its pupil with an id derived from `once_per`, so that a repeat
    of the same lock (or refusal) adds nothing new."""
    name = type(event).__name__
    await writer.emit(
        session,
        event,
        tenant=tenant,
        subject=str(event.pupil_id),
        actor=actor,
        event_id=deterministic_event_id("notifications", name, once_per),
    )
