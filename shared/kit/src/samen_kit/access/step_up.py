"""Step-up: a one-time code that confirms a guardian before a sensitive action.

Pure rules only (no I/O): making a code, keeping only its keyed hash, checking an
answer, counting attempts, locking after too many wrong ones and limiting how often a
new code may be sent. Where the code is sent and where the challenge is kept is decided
elsewhere (ADR 0012): the notifications service, which owns the contact points.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from samen_kit.access.guardian import GuardianItem


@dataclass(frozen=True)
class StepUpPolicy:
    code_digits: int = 6
    code_ttl: timedelta = timedelta(minutes=10)
    max_attempts: int = 3
    # Locked for the action, not for the guardian's other items.
    lock_for: timedelta = timedelta(hours=1)
    # Codes sent per guardian and item within `send_window`: SMS costs money and a
    # flood of codes is itself a nuisance to the guardian.
    max_sends: int = 3
    send_window: timedelta = timedelta(minutes=15)


DEFAULT_POLICY = StepUpPolicy()


class Answer(StrEnum):
    CONFIRMED = "confirmed"
    WRONG = "wrong"  # attempts left
    LOCKED = "locked"  # this answer, or an earlier one, used up the last attempt
    EXPIRED = "expired"
    USED = "used"  # a code confirms once


@dataclass(frozen=True)
class Challenge:
    """One code sent for one guardian, pupil and item; only the code's hash is kept."""

    id: UUID
    guardian_id: UUID
    pupil_id: UUID
    item: GuardianItem
    tenant: str
    code_hash: str
    issued_at: datetime
    expires_at: datetime
    attempts: int = 0
    locked_until: datetime | None = None
    confirmed_at: datetime | None = None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def new_code(policy: StepUpPolicy = DEFAULT_POLICY) -> str:
    """Digits only: typed on a phone's number pad, read aloud without confusion."""
    return f"{secrets.randbelow(10**policy.code_digits):0{policy.code_digits}d}"


def hash_code(secret: bytes, challenge_id: UUID, code: str) -> str:
    """Keyed: a million six-digit codes are hashed in a blink, so a leaked table with
    plain hashes would give every code away; without the secret it gives none."""
    message = f"{challenge_id}:{code}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def issue(
    *,
    challenge_id: UUID,
    guardian_id: UUID,
    pupil_id: UUID,
    item: GuardianItem,
    tenant: str,
    code: str,
    secret: bytes,
    now: datetime,
    policy: StepUpPolicy = DEFAULT_POLICY,
) -> Challenge:
    return Challenge(
        id=challenge_id,
        guardian_id=guardian_id,
        pupil_id=pupil_id,
        item=item,
        tenant=tenant,
        code_hash=hash_code(secret, challenge_id, code),
        issued_at=now,
        expires_at=now + policy.code_ttl,
    )


def answer(
    challenge: Challenge,
    code: str,
    *,
    secret: bytes,
    now: datetime,
    policy: StepUpPolicy = DEFAULT_POLICY,
) -> tuple[Answer, Challenge]:
    """The outcome and the challenge as it is after this attempt (to be stored)."""
    if challenge.is_locked(now):
        return Answer.LOCKED, challenge
    if challenge.confirmed_at is not None:
        return Answer.USED, challenge
    if now >= challenge.expires_at:
        return Answer.EXPIRED, challenge
    attempts = challenge.attempts + 1
    expected = challenge.code_hash
    if hmac.compare_digest(expected, hash_code(secret, challenge.id, code.strip())):
        return Answer.CONFIRMED, replace(challenge, attempts=attempts, confirmed_at=now)
    if attempts >= policy.max_attempts:
        locked = replace(challenge, attempts=attempts, locked_until=now + policy.lock_for)
        return Answer.LOCKED, locked
    return Answer.WRONG, replace(challenge, attempts=attempts)


def attempts_left(challenge: Challenge, policy: StepUpPolicy = DEFAULT_POLICY) -> int:
    return max(policy.max_attempts - challenge.attempts, 0)


class SendDecision(StrEnum):
    SEND = "send"
    LOCKED = "locked"  # a recent challenge for this item is locked
    TOO_MANY = "too_many"  # the rate limit: wait for the window to pass


def may_send(
    recent: Sequence[Challenge], now: datetime, policy: StepUpPolicy = DEFAULT_POLICY
) -> SendDecision:
    """Whether a new code may go out, given this guardian's challenges for the item.

    A lock is not lifted by asking for a new code: that would make three attempts
    per code into unlimited attempts.
    """
    if any(challenge.is_locked(now) for challenge in recent):
        return SendDecision.LOCKED
    window_start = now - policy.send_window
    if sum(1 for c in recent if c.issued_at > window_start) >= policy.max_sends:
        return SendDecision.TOO_MANY
    return SendDecision.SEND
