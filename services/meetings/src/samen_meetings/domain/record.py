"""The meeting record (gespreksverslag) and the agreements (afspraken) made in it.

From the seeds: "zowel de bevorderende als de belemmerende factoren worden genoemd" —
strengths and concerns, both, always; parents are asked what support they need
themselves; "een gesprek wordt altijd afgerond met perspectief: het doel en de
vervolgstappen worden gezamenlijk vastgelegd" — goals and next steps are required.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Final
from uuid import UUID

from samen_meetings.domain.errors import (
    AttendeeNotInvited,
    InvalidAgreement,
    MeetingIsOnHold,
    MeetingNotYetHeld,
    RecordForCancelledMeeting,
    RecordIncomplete,
    SecondRecord,
    TextTooLong,
)
from samen_meetings.domain.kinds import ParticipantRole
from samen_meetings.domain.local_time import as_utc
from samen_meetings.domain.meeting import Meeting, MeetingStatus, Participant

MAX_TEXT_LENGTH: Final = 4000

AGREEMENT_WHAT_MISSING: Final = "what-missing"
AGREEMENT_RESPONSIBLE_NOT_PARTICIPANT: Final = "responsible-not-participant"
AGREEMENT_DUE_BEFORE_MEETING: Final = "due-before-meeting"
AGREEMENT_EVALUATION_NOT_LATER: Final = "evaluation-not-after-meeting"
AGREEMENT_EVALUATION_BEFORE_DUE: Final = "evaluation-before-due"
AGREEMENT_DUPLICATE_ID: Final = "duplicate-id"


@dataclass(frozen=True, slots=True)
class AgreementDraft:
    """What, who (a participant's id), by when, and when it is evaluated."""

    agreement_id: UUID
    what: str
    responsible_id: UUID
    due_on: date
    evaluate_on: date


@dataclass(frozen=True, slots=True)
class RecordDraft:
    """Staff's input for a record; the guardians' parts are required when one attended."""

    record_id: UUID
    recorded_by: UUID
    attended_ids: frozenset[UUID]
    strengths: tuple[str, ...]
    concerns: tuple[str, ...]
    goals: tuple[str, ...]
    next_steps: tuple[str, ...]
    guardian_view: str = ""
    guardian_support_needs: str = ""  # "none" is an answer too; it must have been asked
    agreements: tuple[AgreementDraft, ...] = ()


@dataclass(frozen=True, slots=True)
class Agreement:
    agreement_id: UUID
    meeting_id: UUID
    tenant_id: UUID
    pupil_id: UUID
    what: str
    responsible: Participant
    due_on: date
    evaluate_on: date


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """The record's text stays in this service; events carry only its ids and facts."""

    record_id: UUID
    meeting_id: UUID
    tenant_id: UUID
    pupil_id: UUID
    recorded_by: UUID
    recorded_at: datetime
    attended: tuple[Participant, ...]
    strengths: tuple[str, ...]
    concerns: tuple[str, ...]
    guardian_view: str
    guardian_support_needs: str
    goals: tuple[str, ...]
    next_steps: tuple[str, ...]
    agreement_ids: tuple[UUID, ...]


@dataclass(frozen=True, slots=True)
class RecordedMeeting:
    meeting: Meeting
    record: MeetingRecord
    agreements: tuple[Agreement, ...]


def record_meeting(meeting: Meeting, draft: RecordDraft, now: datetime) -> RecordedMeeting:
    at = as_utc(now, "now")
    _check_recordable(meeting, at)
    attended = _attendance(meeting, draft.attended_ids)
    texts = _texts(draft)
    _check_complete(texts, attended)
    agreements = tuple(_agreements(meeting, draft.agreements))
    record = MeetingRecord(
        record_id=draft.record_id,
        meeting_id=meeting.meeting_id,
        tenant_id=meeting.tenant_id,
        pupil_id=meeting.pupil_id,
        recorded_by=draft.recorded_by,
        recorded_at=at,
        attended=attended,
        strengths=texts["strengths"],
        concerns=texts["concerns"],
        guardian_view=_joined(texts["guardian_view"]),
        guardian_support_needs=_joined(texts["guardian_support_needs"]),
        goals=texts["goals"],
        next_steps=texts["next_steps"],
        agreement_ids=tuple(a.agreement_id for a in agreements),
    )
    recorded = replace(meeting, status=MeetingStatus.RECORDED)
    return RecordedMeeting(recorded, record, agreements)


def _check_recordable(meeting: Meeting, now: datetime) -> None:
    if meeting.status is MeetingStatus.CANCELLED:
        raise RecordForCancelledMeeting(meeting.meeting_id)
    if meeting.status is MeetingStatus.RECORDED:
        raise SecondRecord(meeting.meeting_id)
    if meeting.status is MeetingStatus.ON_HOLD:
        raise MeetingIsOnHold(meeting.meeting_id)
    if meeting.slot.starts_at > now:
        raise MeetingNotYetHeld(meeting.meeting_id, meeting.slot.starts_at)


def _attendance(meeting: Meeting, attended_ids: frozenset[UUID]) -> tuple[Participant, ...]:
    strangers = attended_ids - meeting.participant_ids
    if strangers:
        raise AttendeeNotInvited(strangers)
    return tuple(p for p in meeting.participants if p.person_id in attended_ids)


def _texts(draft: RecordDraft) -> dict[str, tuple[str, ...]]:
    """Every free-text part, stripped, blank entries dropped, length checked."""
    parts = {
        "strengths": draft.strengths,
        "concerns": draft.concerns,
        "goals": draft.goals,
        "next_steps": draft.next_steps,
        "guardian_view": (draft.guardian_view,),
        "guardian_support_needs": (draft.guardian_support_needs,),
    }
    return {name: _clean(name, values) for name, values in parts.items()}


def _clean(field: str, values: Iterable[str]) -> tuple[str, ...]:
    cleaned = tuple(v.strip() for v in values if v.strip())
    if any(len(v) > MAX_TEXT_LENGTH for v in cleaned):
        raise TextTooLong(field, MAX_TEXT_LENGTH)
    return cleaned


def _check_complete(texts: dict[str, tuple[str, ...]], attended: tuple[Participant, ...]) -> None:
    required = ["strengths", "concerns", "goals", "next_steps"]
    if any(p.role is ParticipantRole.GUARDIAN for p in attended):
        required += ["guardian_view", "guardian_support_needs"]
    missing = [] if attended else ["attendance"]
    missing += [name for name in required if not texts[name]]
    if missing:
        raise RecordIncomplete(missing)


def _agreements(meeting: Meeting, drafts: Iterable[AgreementDraft]) -> Iterable[Agreement]:
    seen: set[UUID] = set()
    for draft in drafts:
        if draft.agreement_id in seen:
            raise InvalidAgreement(draft.agreement_id, AGREEMENT_DUPLICATE_ID)
        seen.add(draft.agreement_id)
        yield _agreement(meeting, draft)


def _agreement(meeting: Meeting, draft: AgreementDraft) -> Agreement:
    what = _clean("agreement.what", (draft.what,))
    if not what:
        raise InvalidAgreement(draft.agreement_id, AGREEMENT_WHAT_MISSING)
    role = meeting.role_of(draft.responsible_id)
    if role is None:
        raise InvalidAgreement(draft.agreement_id, AGREEMENT_RESPONSIBLE_NOT_PARTICIPANT)
    _check_agreement_dates(meeting, draft)
    return Agreement(
        agreement_id=draft.agreement_id,
        meeting_id=meeting.meeting_id,
        tenant_id=meeting.tenant_id,
        pupil_id=meeting.pupil_id,
        what=what[0],
        responsible=Participant(role, draft.responsible_id),
        due_on=draft.due_on,
        evaluate_on=draft.evaluate_on,
    )


def _check_agreement_dates(meeting: Meeting, draft: AgreementDraft) -> None:
    """Done on or after the meeting's day; evaluated later, once it should be done."""
    if draft.due_on < meeting.local_date:
        raise InvalidAgreement(draft.agreement_id, AGREEMENT_DUE_BEFORE_MEETING)
    if draft.evaluate_on <= meeting.local_date:
        raise InvalidAgreement(draft.agreement_id, AGREEMENT_EVALUATION_NOT_LATER)
    if draft.evaluate_on < draft.due_on:
        raise InvalidAgreement(draft.agreement_id, AGREEMENT_EVALUATION_BEFORE_DUE)


def _joined(values: tuple[str, ...]) -> str:
    return values[0] if values else ""
