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
    # Wrong codes per guardian, on whichever items, before the lock (ADR 0017): one
    # proof opens every item of theirs, so more items must not mean more guesses.
    max_attempts: int = 3
    # Locked for the guardian: every item of theirs on every service.
    lock_for: timedelta = timedelta(hours=1)
    # Codes sent per guardian within `send_window`: SMS costs money and a flood of
    # codes is itself a nuisance to the guardian.
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
    wrong_before: int = 0,
) -> tuple[Answer, Challenge]:
    """The outcome and the challenge as it is after this attempt (to be stored).
    `wrong_before`: the guardian's wrong codes on their other challenges that still
    count (`wrong_lately`), so the lock comes after `max_attempts` in all."""
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
    if attempts + wrong_before >= policy.max_attempts:
        locked = replace(challenge, attempts=attempts, locked_until=now + policy.lock_for)
        return Answer.LOCKED, locked
    return Answer.WRONG, replace(challenge, attempts=attempts)


def attempts_left(challenge: Challenge, policy: StepUpPolicy = DEFAULT_POLICY) -> int:
    return max(policy.max_attempts - challenge.attempts, 0)


def wrong_lately(
    others: Sequence[Challenge], now: datetime, policy: StepUpPolicy = DEFAULT_POLICY
) -> int:
    """The wrong codes a guardian typed on these other challenges that still count: on
    codes asked within the send window and after their last right code (a right code
    starts the count anew)."""
    since = max([now - policy.send_window, *(c.confirmed_at for c in others if c.confirmed_at)])
    return sum(c.attempts for c in others if c.confirmed_at is None and c.issued_at > since)


def lock_on(challenges: Sequence[Challenge], now: datetime) -> Challenge | None:
    """The guardian's challenge whose lock holds now, if any: it holds for every item."""
    return next((c for c in challenges if c.is_locked(now)), None)


class SendDecision(StrEnum):
    SEND = "send"
    LOCKED = "locked"  # a recent challenge of this guardian is locked
    TOO_MANY = "too_many"  # the rate limit: wait for the window to pass


def may_send(
    recent: Sequence[Challenge], now: datetime, policy: StepUpPolicy = DEFAULT_POLICY
) -> SendDecision:
    """Whether a new code may go out, given this guardian's recent challenges (for any
    item: the lock and the rate limit are the guardian's, ADR 0017).

    A lock is not lifted by asking for a new code, nor by asking it for another item:
    that would make three attempts per code into unlimited attempts.
    """
    if any(challenge.is_locked(now) for challenge in recent):
        return SendDecision.LOCKED
    window_start = now - policy.send_window
    if sum(1 for c in recent if c.issued_at > window_start) >= policy.max_sends:
        return SendDecision.TOO_MANY
    return SendDecision.SEND
