"""Planning rules: plan, record an unplanned meeting afterwards, reschedule, cancel.

Every function checks all it needs and returns a new `Meeting`, or raises a specific
error from errors.py and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Final
from uuid import UUID

from samen_meetings.domain.consent_gate import GateDecision, PupilConsents, check_consent
from samen_meetings.domain.errors import (
    ConsentRequired,
    EndBeforeStart,
    EvaluationSubjectMissing,
    EvaluationSubjectNotExpected,
    InterpreterLanguageInvalid,
    InterpreterLanguageMissing,
    InterpreterLanguageWithoutNeed,
    MeetingIsCancelled,
    MeetingIsRecorded,
    SameTimeSlot,
    StartInPast,
    UnplannedMeetingNotOver,
)
from samen_meetings.domain.kinds import MeetingKind, rules_for
from samen_meetings.domain.local_time import as_utc
from samen_meetings.domain.meeting import (
    NO_INTERPRETER,
    CancelReason,
    InterpreterNeed,
    LocationKind,
    Meeting,
    MeetingStatus,
    TimeSlot,
)
from samen_meetings.domain.participants import PupilContext, StaffMember, resolve_participants

# A BCP 47 tag as parents' languages need it: 'ar', 'ti', 'zgh', 'pt-BR', 'dse' (NGT).
LANGUAGE_TAG: Final = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True, slots=True)
class MeetingRequest:
    """Staff's input for a meeting; the guardians are added from the pupil's context."""

    meeting_id: UUID
    kind: MeetingKind
    slot: TimeSlot
    staff: tuple[StaffMember, ...]
    include_pupil: bool = False
    interpreter: InterpreterNeed = NO_INTERPRETER
    evaluates_opp_id: UUID | None = None
    evaluates_agreement_ids: frozenset[UUID] = frozenset()
    location: LocationKind = LocationKind.SCHOOL


def plan_meeting(
    request: MeetingRequest, pupil: PupilContext, consents: PupilConsents, now: datetime
) -> Meeting:
    slot = checked_slot(request.slot)
    if slot.starts_at <= as_utc(now, "now"):
        raise StartInPast(slot.starts_at, now)
    return _with_consent(_build(request, pupil, slot, planned=True), consents)


def register_unplanned_meeting(
    request: MeetingRequest, pupil: PupilContext, consents: PupilConsents, now: datetime
) -> Meeting:
    """A conversation that already took place, so that its record can be written."""
    slot = checked_slot(request.slot)
    if slot.ends_at > as_utc(now, "now"):
        raise UnplannedMeetingNotOver(slot.ends_at, now)
    return _with_consent(_build(request, pupil, slot, planned=False), consents)


def reschedule_meeting(
    meeting: Meeting, slot: TimeSlot, consents: PupilConsents, now: datetime
) -> Meeting:
    """A new time; a meeting on hold comes back as scheduled only if the gate allows it."""
    require_open(meeting)
    new_slot = checked_slot(slot)
    if new_slot.starts_at <= as_utc(now, "now"):
        raise StartInPast(new_slot.starts_at, now)
    if new_slot == meeting.slot and meeting.status is MeetingStatus.SCHEDULED:
        raise SameTimeSlot(meeting.meeting_id)
    moved = replace(meeting, slot=new_slot, status=MeetingStatus.SCHEDULED, hold_reasons=())
    return _with_consent(moved, consents)


def cancel_meeting(meeting: Meeting, reason: CancelReason) -> Meeting:
    require_open(meeting)
    return replace(meeting, status=MeetingStatus.CANCELLED, cancel_reason=reason)


def require_open(meeting: Meeting) -> None:
    """Only a scheduled meeting or one on hold can still change."""
    if meeting.status is MeetingStatus.CANCELLED:
        raise MeetingIsCancelled(meeting.meeting_id)
    if meeting.status is MeetingStatus.RECORDED:
        raise MeetingIsRecorded(meeting.meeting_id)


def checked_slot(slot: TimeSlot) -> TimeSlot:
    """The slot in UTC; refuses naive times and an end not after the start."""
    starts_at = as_utc(slot.starts_at, "starts_at")
    ends_at = as_utc(slot.ends_at, "ends_at")
    if ends_at <= starts_at:
        raise EndBeforeStart(starts_at, ends_at)
    return TimeSlot(starts_at, ends_at)


def check_interpreter(need: InterpreterNeed) -> None:
    if need.needed and not need.language:
        raise InterpreterLanguageMissing()
    if need.language is None:
        return
    if not need.needed:
        raise InterpreterLanguageWithoutNeed(need.language)
    if not LANGUAGE_TAG.fullmatch(need.language):
        raise InterpreterLanguageInvalid(need.language)


def _build(
    request: MeetingRequest, pupil: PupilContext, slot: TimeSlot, *, planned: bool
) -> Meeting:
    check_interpreter(request.interpreter)
    _check_evaluation_subject(request)
    participants = resolve_participants(
        request.kind, pupil, request.staff, include_pupil=request.include_pupil
    )
    return Meeting(
        meeting_id=request.meeting_id,
        tenant_id=pupil.tenant_id,
        school_id=pupil.school_id,
        pupil_id=pupil.pupil_id,
        kind=request.kind,
        slot=slot,
        participants=participants,
        interpreter=request.interpreter,
        location=request.location,
        planned=planned,
        evaluates_opp_id=request.evaluates_opp_id,
        evaluates_agreement_ids=request.evaluates_agreement_ids,
    )


def _check_evaluation_subject(request: MeetingRequest) -> None:
    """An OPP evaluation names its OPP; an agreement evaluation names its agreements.

    Agreements may also be evaluated in a meeting of another kind; an OPP only in its own.
    """
    rules = rules_for(request.kind)
    if rules.evaluates_opp and request.evaluates_opp_id is None:
        raise EvaluationSubjectMissing(request.kind)
    if not rules.evaluates_opp and request.evaluates_opp_id is not None:
        raise EvaluationSubjectNotExpected(request.kind)
    if rules.evaluates_agreements and not request.evaluates_agreement_ids:
        raise EvaluationSubjectMissing(request.kind)


def _with_consent(meeting: Meeting, consents: PupilConsents) -> Meeting:
    decision = gate(meeting, consents)
    if not decision.allowed:
        raise ConsentRequired(decision.reasons)
    return meeting


def gate(meeting: Meeting, consents: PupilConsents) -> GateDecision:
    """The consent gate for this meeting, on its own local date."""
    if consents.pupil_id != meeting.pupil_id:
        # A programming error, not bad input: another pupil's consent must never count.
        raise ValueError("consents of another pupil")
    return check_consent(meeting.kind, meeting.roles, consents, meeting.local_date)
