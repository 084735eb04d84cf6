"""The meeting as a value: who, when, what kind, and where it stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Final
from uuid import UUID

from samen_contract.events.meetings import CancelReason as CancelReason

from samen_meetings.domain.consent_gate import HoldReason
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.local_time import local_date


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"
    RECORDED = "recorded"


class LocationKind(StrEnum):
    """Where the meeting is held; pages and invitations say it in words, no address."""

    SCHOOL = "school"
    ONLINE = "online"
    PHONE = "phone"


@dataclass(frozen=True, slots=True, order=True)
class Participant:
    """A pseudonymous person id with the role in which they take part."""

    role: ParticipantRole
    person_id: UUID


@dataclass(frozen=True, slots=True)
class TimeSlot:
    """Start and end as given; planning checks them and stores them in UTC."""

    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class InterpreterNeed:
    """Whether an interpreter is needed, and for which language (a tag like 'ar', 'ti')."""

    needed: bool = False
    language: str | None = None


NO_INTERPRETER: Final = InterpreterNeed()


@dataclass(frozen=True, slots=True)
class Meeting:
    meeting_id: UUID
    tenant_id: UUID
    school_id: UUID
    pupil_id: UUID
    kind: MeetingKind
    slot: TimeSlot  # UTC
    participants: tuple[Participant, ...]  # sorted by role, then id
    interpreter: InterpreterNeed = NO_INTERPRETER
    status: MeetingStatus = MeetingStatus.SCHEDULED
    location: LocationKind = LocationKind.SCHOOL
    planned: bool = True  # False: took place unplanned and was recorded afterwards
    evaluates_opp_id: UUID | None = None
    evaluates_agreement_ids: frozenset[UUID] = frozenset()
    hold_reasons: tuple[HoldReason, ...] = ()
    cancel_reason: CancelReason | None = None

    @property
    def roles(self) -> frozenset[ParticipantRole]:
        return frozenset(p.role for p in self.participants)

    @property
    def participant_ids(self) -> frozenset[UUID]:
        return frozenset(p.person_id for p in self.participants)

    @property
    def local_date(self) -> date:
        return local_date(self.slot.starts_at)

    def role_of(self, person_id: UUID) -> ParticipantRole | None:
        return next((p.role for p in self.participants if p.person_id == person_id), None)
