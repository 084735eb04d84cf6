"""Who takes part: the pupil's guardians always, staff of the pupil's school, and for
some kinds the samenwerkingsverband's trajectbegeleider.

Tenant and schools of each staff member come in as values (from the token's claims or
the staff directory), so this stays free of I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from samen_meetings.domain.errors import (
    DuplicateParticipant,
    NoGuardianKnown,
    NotAStaffRole,
    ParticipantFromAnotherSchool,
    ParticipantFromAnotherTenant,
    RequiredRoleMissing,
    RoleNotAllowed,
)
from samen_meetings.domain.kinds import (
    SCHOOL_STAFF_ROLES,
    STAFF_ROLES,
    MeetingKind,
    ParticipantRole,
    rules_for,
)
from samen_meetings.domain.meeting import Participant


@dataclass(frozen=True, slots=True)
class PupilContext:
    """The pupil as this service's projection knows them.

    `guardian_ids`: the guardians with parental authority; all are invited.
    """

    tenant_id: UUID
    school_id: UUID
    pupil_id: UUID
    guardian_ids: frozenset[UUID]


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A staff participant; `school_ids` stays empty for a trajectbegeleider."""

    person_id: UUID
    role: ParticipantRole
    tenant_id: UUID
    school_ids: frozenset[UUID] = frozenset()


def resolve_participants(
    kind: MeetingKind,
    pupil: PupilContext,
    staff: Iterable[StaffMember],
    *,
    include_pupil: bool = False,
) -> tuple[Participant, ...]:
    """All participants, sorted; refuses outsiders, doubles and roles the kind rules out."""
    if not pupil.guardian_ids:
        raise NoGuardianKnown(pupil.pupil_id)
    members = tuple(staff)
    for member in members:
        _check_staff_member(member, pupil)
    participants = [Participant(ParticipantRole.GUARDIAN, g) for g in pupil.guardian_ids]
    participants += [Participant(m.role, m.person_id) for m in members]
    if include_pupil:
        participants.append(Participant(ParticipantRole.PUPIL, pupil.pupil_id))
    _check_unique(participants)
    check_roles(kind, {p.role for p in participants})
    return tuple(sorted(participants))


def check_roles(kind: MeetingKind, roles: set[ParticipantRole]) -> None:
    rules = rules_for(kind)
    not_allowed = sorted(roles - rules.allowed_roles)
    if not_allowed:
        raise RoleNotAllowed(kind, not_allowed[0])
    missing = rules.required_roles - roles
    if missing:
        raise RequiredRoleMissing(kind, missing)
    if not roles & rules.required_one_of:
        raise RequiredRoleMissing(kind, rules.required_one_of, one_of=True)


def _check_staff_member(member: StaffMember, pupil: PupilContext) -> None:
    if member.role not in STAFF_ROLES:
        raise NotAStaffRole(member.role)
    if member.tenant_id != pupil.tenant_id:
        raise ParticipantFromAnotherTenant(member.person_id)
    if member.role in SCHOOL_STAFF_ROLES and pupil.school_id not in member.school_ids:
        raise ParticipantFromAnotherSchool(member.person_id)


def _check_unique(participants: list[Participant]) -> None:
    seen: set[UUID] = set()
    for participant in participants:
        if participant.person_id in seen:
            raise DuplicateParticipant(participant.person_id)
        seen.add(participant.person_id)
