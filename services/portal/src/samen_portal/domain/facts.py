"""What the portal keeps of an event about a pupil: pure, so it reads on its own.

Only ids, codes, dates, counts and flags are kept (the bus carries nothing else);
names, contact details and free text stay with the owning service and are read on
demand with the user's own token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from samen_contract import Envelope, Event

# The reference of a fact: the first of these the event has (its own thing first).
_REFERENCES = (
    "request_id",
    "meeting_id",
    "opp_id",
    "dispute_id",
    "registration_id",
    "absence_id",
    "notification_id",
)
# Scalars worth showing beside a fact; anything else is left where it is.
_DETAILS = (
    "purpose",
    "purpose_version",
    "answer",
    "party_role",
    "channel",
    "kind",
    "category",
    "version",
    "stage",
    "situation",
    "outcome",
    "advice",
    "reason",
    "template",
    "with_note",
    "interpreter_needed",
    "interpreter_language",
    "parents_approved",
    "in_time",
    "with_parents",
    "record_id",
    "comment_id",
    "agreement_id",
    "guardian_id",
    "party_id",
    "recipient_id",
    "deadline_kind",
    "area",
    "starts_at",
    "held_on",
    "submitted_on",
    "decided_on",
    "start_date",
    "end_date",
    "home_since",
)
# The date a fact asks someone to act by, in order of preference.
_DUE = ("due_on", "due_date", "decide_by", "next_deadline_date", "answer_by", "objection_by")


@dataclass(frozen=True)
class PupilFact:
    """One fact about a pupil, as the pupil page lists it."""

    event_id: UUID
    tenant: str
    pupil_id: UUID
    school_id: UUID | None
    source: str  # the owning service: consent, meetings, plans, ...
    kind: str  # the event's class name, e.g. ConsentAnswered
    at: datetime
    ref_id: UUID | None
    due_on: date | None
    details: dict[str, Any] = field(default_factory=dict)


def pupil_fact(envelope: Envelope, event: Event | None) -> PupilFact | None:
    """The fact `event` states about a pupil; None for an event about no pupil."""
    if event is None:
        return None
    pupil_id = getattr(event, "pupil_id", None)
    if not isinstance(pupil_id, UUID):
        return None
    school_id = getattr(event, "school_id", None)
    return PupilFact(
        event_id=UUID(str(envelope.id)),
        tenant=str(envelope.tenant),
        pupil_id=pupil_id,
        school_id=school_id if isinstance(school_id, UUID) else None,
        source=envelope.service,
        kind=type(event).__name__,
        at=envelope.time,
        ref_id=_first_id(event),
        due_on=_due(event),
        details=_details(event),
    )


def _first_id(event: Event) -> UUID | None:
    for name in _REFERENCES:
        value = getattr(event, name, None)
        if isinstance(value, UUID):
            return value
    return None


def _due(event: Event) -> date | None:
    for name in _DUE:
        value = getattr(event, name, None)
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
    return None


def _details(event: Event) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in _DETAILS:
        value = getattr(event, name, None)
        if value is None:
            continue
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, UUID | date | datetime):
            value = value.isoformat() if not isinstance(value, UUID) else str(value)
        if isinstance(value, str | int | bool):
            found[name] = value
    return found
