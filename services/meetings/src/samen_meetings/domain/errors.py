"""Rules the meetings domain refuses: one class per rule, grouped by how the API answers.

The service maps the four groups to HTTP in one place: `InvalidInput` (the request breaks
a rule about its own content), `ForeignReference` (another tenant's or school's data:
answered like "not found"), `StateConflict` (clashes with the meeting's current state)
and `ConsentRequired`. Each class has a stable `code` for the RFC 9457 problem type.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar
from uuid import UUID

if TYPE_CHECKING:
    from samen_meetings.domain.consent_gate import HoldReason
    from samen_meetings.domain.kinds import MeetingKind, ParticipantRole


class MeetingsError(Exception):
    code: ClassVar[str] = "meetings-error"


class InvalidInput(MeetingsError):
    code = "invalid-input"


class ForeignReference(MeetingsError):
    code = "foreign-reference"


class StateConflict(MeetingsError):
    code = "state-conflict"


# --- time -------------------------------------------------------------------------------


class NaiveDateTime(InvalidInput):
    code = "naive-datetime"

    def __init__(self, field: str) -> None:
        super().__init__(f"{field} needs a time zone")
        self.field = field


class EndBeforeStart(InvalidInput):
    """Also raised for a meeting that ends the moment it starts."""

    code = "end-before-start"

    def __init__(self, starts_at: datetime, ends_at: datetime) -> None:
        super().__init__(
            f"the meeting ends at {ends_at.isoformat()}, not after {starts_at.isoformat()}"
        )
        self.starts_at = starts_at
        self.ends_at = ends_at


class StartInPast(InvalidInput):
    code = "start-in-past"

    def __init__(self, starts_at: datetime, now: datetime) -> None:
        super().__init__(f"a planned meeting must start after now ({now.isoformat()})")
        self.starts_at = starts_at
        self.now = now


class UnplannedMeetingNotOver(InvalidInput):
    """A conversation recorded afterwards must already have ended."""

    code = "unplanned-meeting-not-over"

    def __init__(self, ends_at: datetime, now: datetime) -> None:
        super().__init__(
            f"the meeting ends at {ends_at.isoformat()}, after now ({now.isoformat()})"
        )
        self.ends_at = ends_at
        self.now = now


class SameTimeSlot(InvalidInput):
    code = "same-time-slot"

    def __init__(self, meeting_id: UUID) -> None:
        super().__init__(f"meeting {meeting_id} already has this time")
        self.meeting_id = meeting_id


# --- interpreter ------------------------------------------------------------------------


class InterpreterLanguageMissing(InvalidInput):
    code = "interpreter-language-missing"

    def __init__(self) -> None:
        super().__init__("an interpreter is needed: record the language")


class InterpreterLanguageInvalid(InvalidInput):
    code = "interpreter-language-invalid"

    def __init__(self, language: str) -> None:
        super().__init__(f"{language!r} is not a language tag such as 'ar' or 'ti'")
        self.language = language


class InterpreterLanguageWithoutNeed(InvalidInput):
    code = "interpreter-language-without-need"

    def __init__(self, language: str) -> None:
        super().__init__(f"language {language!r} given but no interpreter marked as needed")
        self.language = language


# --- participants -----------------------------------------------------------------------


class NotAStaffRole(InvalidInput):
    code = "not-a-staff-role"

    def __init__(self, role: ParticipantRole) -> None:
        super().__init__(f"{role} is not a staff role")
        self.role = role


class RoleNotAllowed(InvalidInput):
    code = "role-not-allowed"

    def __init__(self, kind: MeetingKind, role: ParticipantRole) -> None:
        super().__init__(f"a {role} does not take part in a {kind} meeting")
        self.kind = kind
        self.role = role


class RequiredRoleMissing(InvalidInput):
    code = "required-role-missing"

    def __init__(
        self, kind: MeetingKind, roles: Iterable[ParticipantRole], *, one_of: bool = False
    ) -> None:
        self.kind = kind
        self.roles = tuple(sorted(roles))
        self.one_of = one_of
        needs = "one of" if one_of else "all of"
        super().__init__(f"a {kind} meeting needs {needs}: {', '.join(self.roles)}")


class DuplicateParticipant(InvalidInput):
    code = "duplicate-participant"

    def __init__(self, person_id: UUID) -> None:
        super().__init__(f"{person_id} is listed twice")
        self.person_id = person_id


class NoGuardianKnown(InvalidInput):
    """Guardians are always invited; without one known, no meeting about the pupil."""

    code = "no-guardian-known"

    def __init__(self, pupil_id: UUID) -> None:
        super().__init__(f"no guardian with parental authority is known for pupil {pupil_id}")
        self.pupil_id = pupil_id


class EvaluationSubjectMissing(InvalidInput):
    code = "evaluation-subject-missing"

    def __init__(self, kind: MeetingKind) -> None:
        super().__init__(f"a {kind} meeting must name what it evaluates")
        self.kind = kind


class EvaluationSubjectNotExpected(InvalidInput):
    code = "evaluation-subject-not-expected"

    def __init__(self, kind: MeetingKind) -> None:
        super().__init__(f"a {kind} meeting does not evaluate an OPP")
        self.kind = kind


class ParticipantFromAnotherTenant(ForeignReference):
    code = "participant-from-another-tenant"

    def __init__(self, person_id: UUID) -> None:
        super().__init__(f"participant {person_id} is not known here")
        self.person_id = person_id


class ParticipantFromAnotherSchool(ForeignReference):
    code = "participant-from-another-school"

    def __init__(self, person_id: UUID) -> None:
        super().__init__(f"participant {person_id} does not work at the pupil's school")
        self.person_id = person_id


class NotAGuardianOfPupil(ForeignReference):
    code = "not-a-guardian-of-pupil"

    def __init__(self, guardian_id: UUID) -> None:
        super().__init__(f"{guardian_id} is not a guardian of this pupil")
        self.guardian_id = guardian_id


# --- meeting state ----------------------------------------------------------------------


class MeetingIsCancelled(StateConflict):
    code = "meeting-cancelled"

    def __init__(self, meeting_id: UUID) -> None:
        super().__init__(f"meeting {meeting_id} is cancelled")
        self.meeting_id = meeting_id


class MeetingIsRecorded(StateConflict):
    code = "meeting-recorded"

    def __init__(self, meeting_id: UUID) -> None:
        super().__init__(f"meeting {meeting_id} already has its record")
        self.meeting_id = meeting_id


class MeetingIsOnHold(StateConflict):
    code = "meeting-on-hold"

    def __init__(self, meeting_id: UUID) -> None:
        super().__init__(f"meeting {meeting_id} is on hold for consent")
        self.meeting_id = meeting_id


class MeetingNotOnHold(StateConflict):
    code = "meeting-not-on-hold"

    def __init__(self, meeting_id: UUID) -> None:
        super().__init__(f"meeting {meeting_id} is not on hold")
        self.meeting_id = meeting_id


class MeetingNotYetHeld(StateConflict):
    code = "meeting-not-yet-held"

    def __init__(self, meeting_id: UUID, starts_at: datetime) -> None:
        super().__init__(f"meeting {meeting_id} starts at {starts_at.isoformat()}")
        self.meeting_id = meeting_id
        self.starts_at = starts_at


class RecordForCancelledMeeting(MeetingIsCancelled):
    code = "record-for-cancelled-meeting"


class SecondRecord(MeetingIsRecorded):
    code = "second-record"


# --- record -----------------------------------------------------------------------------


class RecordIncomplete(InvalidInput):
    """Lists every missing part at once, so staff fix the record in one go."""

    code = "record-incomplete"

    def __init__(self, missing: Iterable[str]) -> None:
        self.missing = tuple(missing)
        super().__init__(f"the record lacks: {', '.join(self.missing)}")


class TextTooLong(InvalidInput):
    code = "text-too-long"

    def __init__(self, field: str, limit: int) -> None:
        super().__init__(f"{field} is longer than {limit} characters")
        self.field = field
        self.limit = limit


class AttendeeNotInvited(InvalidInput):
    code = "attendee-not-invited"

    def __init__(self, person_ids: Iterable[UUID]) -> None:
        self.person_ids = tuple(sorted(person_ids))
        super().__init__(f"not participants of this meeting: {self.person_ids}")


class InvalidAgreement(InvalidInput):
    """`problem` is one of the AGREEMENT_* codes in record.py."""

    code = "invalid-agreement"

    def __init__(self, agreement_id: UUID, problem: str) -> None:
        super().__init__(f"agreement {agreement_id}: {problem}")
        self.agreement_id = agreement_id
        self.problem = problem


class EmptyComment(InvalidInput):
    code = "empty-comment"

    def __init__(self) -> None:
        super().__init__("the comment is empty")


# --- OPP cycle --------------------------------------------------------------------------


class EvaluationDateInvalid(InvalidInput):
    code = "evaluation-date-invalid"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- consent ----------------------------------------------------------------------------


class ConsentRequired(MeetingsError):
    """The consent gate says on hold; `reasons` names each purpose and what is wrong."""

    code = "consent-required"

    def __init__(self, reasons: tuple[HoldReason, ...]) -> None:
        self.reasons = reasons
        named = ", ".join(f"{r.purpose} ({r.gap})" for r in reasons)
        super().__init__(f"consent needed first: {named}")
