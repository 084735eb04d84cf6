"""What a roster fact changes in the projection: pure, so the rules read on their own.

- An enrolment places the pupil at the school (a pupil who changes school moves with
  it) and clears an earlier leaving; its class group, when it names one, is the pupil's.
- A move to another class group changes the group of a pupil still at that school.
- A leaving marks the pupil as gone from that school; one from a school the pupil has
  since moved away from changes nothing.
- A guardianship recorded again replaces the standing; an ended one is gone.

Every change is keyed by the envelope's tenant: two tenants may use the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from samen_contract import Envelope, Event
from samen_contract.events.consent import (
    GuardianshipEnded,
    GuardianshipRecorded,
    PupilEnrolled,
    PupilGroupChanged,
    PupilLeft,
)

ROSTER_FACTS: tuple[type[Event], ...] = (
    PupilEnrolled,
    PupilGroupChanged,
    PupilLeft,
    GuardianshipRecorded,
    GuardianshipEnded,
)


@dataclass(frozen=True)
class Enrolment:
    tenant: str
    pupil_id: UUID
    school_id: UUID
    board_id: str | None
    enrolled_on: date
    group: str | None = None  # None: the roster named no group; the one known stays


@dataclass(frozen=True)
class GroupChange:
    tenant: str
    pupil_id: UUID
    school_id: UUID
    group: str | None


@dataclass(frozen=True)
class Leaving:
    tenant: str
    pupil_id: UUID
    school_id: UUID
    left_on: date


@dataclass(frozen=True)
class Guardianship:
    tenant: str
    pupil_id: UUID
    guardian_id: UUID
    standing: str


@dataclass(frozen=True)
class GuardianshipEnd:
    tenant: str
    pupil_id: UUID
    guardian_id: UUID


RosterChange = Enrolment | GroupChange | Leaving | Guardianship | GuardianshipEnd


def roster_change(envelope: Envelope, event: Event | None) -> RosterChange | None:
    """The change a roster fact makes; None for any other event."""
    tenant = str(envelope.tenant)
    match event:
        case PupilEnrolled():
            board = None if envelope.board is None else str(envelope.board)
            return Enrolment(
                tenant, event.pupil_id, event.school_id, board, event.enrolled_on, event.group
            )
        case PupilGroupChanged():
            return GroupChange(tenant, event.pupil_id, event.school_id, event.group)
        case PupilLeft():
            return Leaving(tenant, event.pupil_id, event.school_id, event.left_on)
        case GuardianshipRecorded():
            return Guardianship(tenant, event.pupil_id, event.guardian_id, event.standing.value)
        case GuardianshipEnded():
            return GuardianshipEnd(tenant, event.pupil_id, event.guardian_id)
        case _:
            return None
