"""Decisions: past-tense facts a transition produced, for the service to publish.

Each decision has a `key` that is unique within its request and the same however often
it is computed, so `decision_id` gives a deterministic event id: a retried sweep or a
second instance produces the same id and the outbox emits it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeAlias
from uuid import UUID, uuid5

from samen_consent.domain.evidence import Evidence
from samen_consent.domain.parties import PartyRole
from samen_consent.domain.rules import ConsentRule
from samen_consent.domain.subject import Subject


@dataclass(frozen=True, slots=True)
class _About:
    request_id: UUID
    pupil_id: UUID
    purpose_code: str
    at: datetime


REQUESTED_KEY = "requested"


@dataclass(frozen=True, slots=True)
class Requested(_About):
    guardians: tuple[UUID, ...]  # the guardians to ask, sorted
    pupil_party: UUID | None  # the pupil, when the pupil answers too (or alone)
    text_version: int
    rule: ConsentRule
    expires_at: datetime | None  # when the request lapses if no one answers
    requested_by: UUID
    subject: Subject | None = None  # the exact document asked about

    @property
    def key(self) -> str:
        return REQUESTED_KEY


@dataclass(frozen=True, slots=True)
class Answered(_About):
    evidence: Evidence

    @property
    def key(self) -> str:
        return f"answered/{self.evidence.party_id}"


@dataclass(frozen=True, slots=True)
class Given(_About):
    agreed_by: tuple[UUID, ...]
    valid_until: datetime | None  # exclusive; None: until withdrawn

    @property
    def key(self) -> str:
        return "given"


@dataclass(frozen=True, slots=True)
class Refused(_About):
    refused_by: UUID

    @property
    def key(self) -> str:
        return "refused"


@dataclass(frozen=True, slots=True)
class ConflictDetected(_About):
    """One party agreed while another said no (refused, or withdrew): staff talk with both."""

    agreed_by: tuple[UUID, ...]
    declined_by: UUID

    @property
    def key(self) -> str:
        return "conflict"


@dataclass(frozen=True, slots=True)
class Withdrawn(_About):
    evidence: Evidence
    was_given: bool  # False: an agreement withdrawn while the request was still open

    @property
    def key(self) -> str:
        return "withdrawn"


@dataclass(frozen=True, slots=True)
class Expired(_About):
    """`at` is the moment validity ended, not the moment a sweep noticed it."""

    was_given: bool

    @property
    def key(self) -> str:
        return "expired"


@dataclass(frozen=True, slots=True)
class Cancelled(_About):
    cancelled_by: UUID

    @property
    def key(self) -> str:
        return "cancelled"


@dataclass(frozen=True, slots=True)
class ReminderDue(_About):
    party_id: UUID
    role: PartyRole
    number: int  # 1 for the first reminder

    @property
    def key(self) -> str:
        return f"reminder/{self.party_id}/{self.number}"


Decision: TypeAlias = (
    Requested
    | Answered
    | Given
    | Refused
    | ConflictDetected
    | Withdrawn
    | Expired
    | Cancelled
    | ReminderDue
)


def decision_id(decision: Decision) -> UUID:
    """Deterministic id for the event this decision becomes (UUIDv5 in the request)."""
    return uuid5(decision.request_id, decision.key)


def requested_id(request_id: UUID) -> UUID:
    """The event id of a request's `Requested` decision, known from the request id alone
    (every event of the request correlates with it)."""
    return uuid5(request_id, REQUESTED_KEY)
