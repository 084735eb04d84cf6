"""Rules the meetings domain refuses: one class per rule, grouped by how the API answers.

The service maps the four groups to HTTP in one place: `InvalidInput` (the request breaks
a rule about its own content), `ForeignReference` (another tenant's or school's data:
answered like "not found"), `StateConflict` (clashes with the meeting's current state)
and `ConsentRequired`. Each class has a stable `slug` for the RFC 9457 problem type.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from samen_kit.domain_errors import DomainError

if TYPE_CHECKING:
    from samen_meetings.domain.consent_gate import HoldReason
    from samen_meetings.domain.kinds import MeetingKind, ParticipantRole


class MeetingsError(DomainError, slug="meetings-error"): ...


class InvalidInput(MeetingsError, slug="invalid-input"): ...


class ForeignReference(MeetingsError, slug="foreign-reference"): ...


class StateConflict(MeetingsError, slug="state-conflict"): ...


# --- time -------------------------------------------------------------------------------


class NaiveDateTime(InvalidInput, slug="naive-datetime", message="{field} needs a time zone"):
    field: str


class EndBeforeStart(InvalidInput, slug="end-before-start"):
    """Also raised for a meeting that ends the moment it starts."""

    def __init__(self, starts_at: datetime, ends_at: datetime) -> None:
        super().__init__(
            f"the meeting ends at {ends_at.isoformat()}, not after {starts_at.isoformat()}"
        )
        self.starts_at = starts_at
        self.ends_at = ends_at


class StartInPast(InvalidInput, slug="start-in-past"):
    def __init__(self, starts_at: datetime, now: datetime) -> None:
        super().__init__(f"a planned meeting must start after now ({now.isoformat()})")
        self.starts_at = starts_at
        self.now = now


class UnplannedMeetingNotOver(InvalidInput, slug="unplanned-meeting-not-over"):
    """A conversation recorded afterwards must already have ended."""

    def __init__(self, ends_at: datetime, now: datetime) -> None:
        super().__init__(
            f"the meeting ends at {ends_at.isoformat()}, after now ({now.isoformat()})"
        )
        self.ends_at = ends_at
        self.now = now


class SameTimeSlot(
    InvalidInput, slug="same-time-slot", message="meeting {meeting_id} already has this time"
):
    meeting_id: UUID


# --- interpreter ------------------------------------------------------------------------


class InterpreterLanguageMissing(
    InvalidInput,
    slug="interpreter-language-missing",
    message="an interpreter is needed: record the language",
): ...


class InterpreterLanguageInvalid(
    InvalidInput,
    slug="interpreter-language-invalid",
    message="{language!r} is not a language tag such as 'ar' or 'ti'",
):
    language: str


class InterpreterLanguageWithoutNeed(
    InvalidInput,
    slug="interpreter-language-without-need",
    message="language {language!r} given but no interpreter marked as needed",
):
    language: str


# --- participants -----------------------------------------------------------------------


class NotAStaffRole(InvalidInput, slug="not-a-staff-role", message="{role} is not a staff role"):
    role: ParticipantRole


class RoleNotAllowed(
    InvalidInput, slug="role-not-allowed", message="a {role} does not take part in a {kind} meeting"
):
    kind: MeetingKind
    role: ParticipantRole


class RequiredRoleMissing(InvalidInput, slug="required-role-missing"):
    def __init__(
        self, kind: MeetingKind, roles: Iterable[ParticipantRole], *, one_of: bool = False
    ) -> None:
        self.kind = kind
        self.roles = tuple(sorted(roles))
        self.one_of = one_of
        needs = "one of" if one_of else "all of"
        super().__init__(f"a {kind} meeting needs {needs}: {', '.join(self.roles)}")


class DuplicateParticipant(
    InvalidInput, slug="duplicate-participant", message="{person_id} is listed twice"
):
    person_id: UUID


class NoGuardianKnown(
    InvalidInput,
    slug="no-guardian-known",
    message="no guardian with parental authority is known for pupil {pupil_id}",
):
    """Guardians are always invited; without one known, no meeting about the pupil."""

    pupil_id: UUID


class EvaluationSubjectMissing(
    InvalidInput,
    slug="evaluation-subject-missing",
    message="a {kind} meeting must name what it evaluates",
):
    kind: MeetingKind


class EvaluationSubjectNotExpected(
    InvalidInput,
    slug="evaluation-subject-not-expected",
    message="a {kind} meeting does not evaluate an OPP",
):
    kind: MeetingKind


class ParticipantFromAnotherTenant(
    ForeignReference,
    slug="participant-from-another-tenant",
    message="participant {person_id} is not known here",
):
    person_id: UUID


class ParticipantFromAnotherSchool(
    ForeignReference,
    slug="participant-from-another-school",
    message="participant {person_id} does not work at the pupil's school",
):
    person_id: UUID


class NotAGuardianOfPupil(
    ForeignReference,
    slug="not-a-guardian-of-pupil",
    message="{guardian_id} is not a guardian of this pupil",
):
    guardian_id: UUID


# --- meeting state ----------------------------------------------------------------------


class MeetingIsCancelled(
    StateConflict, slug="meeting-cancelled", message="meeting {meeting_id} is cancelled"
):
    meeting_id: UUID


class MeetingIsRecorded(
    StateConflict, slug="meeting-recorded", message="meeting {meeting_id} already has its record"
):
    meeting_id: UUID


class MeetingIsOnHold(
    StateConflict, slug="meeting-on-hold", message="meeting {meeting_id} is on hold for consent"
):
    meeting_id: UUID


class MeetingNotOnHold(
    StateConflict, slug="meeting-not-on-hold", message="meeting {meeting_id} is not on hold"
):
    meeting_id: UUID


class MeetingNotYetHeld(StateConflict, slug="meeting-not-yet-held"):
    def __init__(self, meeting_id: UUID, starts_at: datetime) -> None:
        super().__init__(f"meeting {meeting_id} starts at {starts_at.isoformat()}")
        self.meeting_id = meeting_id
        self.starts_at = starts_at


class RecordForCancelledMeeting(MeetingIsCancelled, slug="record-for-cancelled-meeting"): ...


class SecondRecord(MeetingIsRecorded, slug="second-record"): ...


# --- record -----------------------------------------------------------------------------


class RecordIncomplete(InvalidInput, slug="record-incomplete"):
    """Lists every missing part at once, so staff fix the record in one go."""

    def __init__(self, missing: Iterable[str]) -> None:
        self.missing = tuple(missing)
        super().__init__(f"the record lacks: {', '.join(self.missing)}")


class TextTooLong(
    InvalidInput, slug="text-too-long", message="{field} is longer than {limit} characters"
):
    field: str
    limit: int


class AttendeeNotInvited(InvalidInput, slug="attendee-not-invited"):
    def __init__(self, person_ids: Iterable[UUID]) -> None:
        self.person_ids = tuple(sorted(person_ids))
        super().__init__(f"not participants of this meeting: {self.person_ids}")


class InvalidAgreement(
    InvalidInput, slug="invalid-agreement", message="agreement {agreement_id}: {problem}"
):
    """`problem` is one of the AGREEMENT_* codes in record.py."""

    agreement_id: UUID
    problem: str


class EmptyComment(InvalidInput, slug="empty-comment", message="the comment is empty"): ...


# --- OPP cycle --------------------------------------------------------------------------


class EvaluationDateInvalid(InvalidInput, slug="evaluation-date-invalid", message="{reason}"):
    reason: str


# --- known OPP, invitation, pupil who left ----------------------------------------------


class EvaluationSubjectUnknown(
    ForeignReference,
    slug="evaluation-subject-unknown",
    message="{subject_id} is not an OPP or agreement of this pupil",
):
    """The OPP or agreement to evaluate is not one of this pupil's (or not known here)."""

    subject_id: UUID


class OppClosed(
    StateConflict, slug="opp-closed", message="OPP {opp_id} was replaced by a later one"
):
    opp_id: UUID


class PupilHasLeft(
    StateConflict, slug="pupil-left", message="pupil {pupil_id} has left the school"
):
    pupil_id: UUID


class InvitationClosed(
    StateConflict, slug="invitation-closed", message="meeting {meeting_id} takes no answers now"
):
    """Only a scheduled meeting that has not started takes answers."""

    meeting_id: UUID


# --- consent ----------------------------------------------------------------------------


class ConsentRequired(MeetingsError, slug="consent-required"):
    """The consent gate says on hold; `reasons` names each purpose and what is wrong."""

    def __init__(self, reasons: tuple[HoldReason, ...]) -> None:
        self.reasons = reasons
        named = ", ".join(f"{r.purpose} ({r.gap})" for r in reasons)
        super().__init__(f"consent needed first: {named}")
