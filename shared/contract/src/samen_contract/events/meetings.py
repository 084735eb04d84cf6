"""The facts the meetings service owns: meetings, invitations, records, agreements and
the OPP evaluation cycle.

Ids and structured facts only: a record's text, a parent's note or comment and the
place of a meeting stay in the meetings service (its pages show them). What readers
need to act travels:

- notifications invites `guardian_ids` (every guardian with parental authority; a parent
  with only the right to information is not invited — GLOSSARY.md: informed on request)
  and builds an iCalendar entry with UID `meeting-<meeting_id>@samen.invalid` and
  SEQUENCE = `revision` (0 when scheduled, +1 on every change of the calendar entry:
  reschedule, hold, resume, cancel);
- `location_kind` says where (`school`: "op school"), never an address;
- times are UTC instants; dates (`due_on`, ...) are Amsterdam calendar dates.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import CODE, Event, EventValue
from samen_contract.fields import UtcDatetime

# A BCP 47 tag as parents' languages need it: 'ar', 'ti', 'zgh', 'pt-BR', 'dse' (NGT).
LanguageTag = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=35)]
Revision = Annotated[int, Field(ge=0)]
Count = Annotated[int, Field(ge=0)]


class MeetingKind(StrEnum):
    INTAKE = "intake"
    PROGRESS_TALK = "progress_talk"
    SUPPORT_TEAM = "support_team"
    MDO = "mdo"
    OPP_EVALUATION = "opp_evaluation"
    AGREEMENT_EVALUATION = "agreement_evaluation"


class ParticipantRole(StrEnum):
    GUARDIAN = "guardian"
    PUPIL = "pupil"
    TEACHER = "teacher"
    IB = "ib"
    DIRECTOR = "director"
    TRAJECTBEGELEIDER = "trajectbegeleider"


class LocationKind(StrEnum):
    """Where the meeting is held; the invitation says it in words ("op school")."""

    SCHOOL = "school"
    ONLINE = "online"
    PHONE = "phone"


class RescheduleReason(StrEnum):
    NEW_TIME = "new_time"  # staff moved the meeting
    RESUMED = "resumed"  # back from hold at its own time: consent is there again


class CancelReason(StrEnum):
    BY_SCHOOL = "by_school"
    BY_GUARDIAN = "by_guardian"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    OTHER = "other"


class ConsentGap(StrEnum):
    MISSING = "missing"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class InvitationAnswer(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    ANOTHER_TIME = "another_time"  # the guardian asks for another time


class EvaluationKind(StrEnum):
    OPP = "opp"
    AGREEMENT = "agreement"


class MeetingParticipant(EventValue):
    person_id: UUID
    role: ParticipantRole


class HoldReason(EventValue):
    """A consent purpose (a code of the consent service) and what is wrong with it;
    `role` is the participant it keeps out, None when the meeting itself needs it."""

    purpose: str = Field(pattern=CODE)
    gap: ConsentGap
    role: ParticipantRole | None = None


class MeetingFact(Event):
    """A fact about one meeting of a pupil at a school (abstract)."""

    meeting_id: UUID
    pupil_id: UUID
    school_id: UUID


class MeetingAtTime(MeetingFact):
    """A fact about a meeting's calendar entry: what kind, from when to when (abstract)."""

    kind: MeetingKind
    starts_at: UtcDatetime
    ends_at: UtcDatetime


class MeetingScheduled(MeetingAtTime):
    """A meeting was planned; invite `guardian_ids`. Not emitted for a conversation
    recorded afterwards (see `MeetingRecorded.planned`)."""

    __service__ = "meetings"

    revision: Revision = 0
    guardian_ids: tuple[UUID, ...]
    participants: tuple[MeetingParticipant, ...]
    location_kind: LocationKind
    interpreter_needed: bool = False
    interpreter_language: LanguageTag | None = None
    evaluates_opp_id: UUID | None = None
    evaluates_agreement_ids: tuple[UUID, ...] = ()


class MeetingRescheduled(MeetingAtTime):
    """The meeting has a new time, or is back from hold (`reason`); send an update."""

    __service__ = "meetings"

    previous_starts_at: UtcDatetime
    previous_ends_at: UtcDatetime
    revision: Revision
    reason: RescheduleReason
    guardian_ids: tuple[UUID, ...]
    location_kind: LocationKind
    interpreter_needed: bool = False
    interpreter_language: LanguageTag | None = None


class MeetingCancelled(MeetingAtTime):
    """The meeting will not take place; send an iCalendar CANCEL with `revision`."""

    __service__ = "meetings"

    revision: Revision
    reason: CancelReason
    guardian_ids: tuple[UUID, ...]


class MeetingOnHold(MeetingAtTime):
    """A planned meeting waits: a consent it needs is missing, refused, withdrawn or
    expired (`holds`). It comes back with `MeetingRescheduled` (reason `resumed`)."""

    __service__ = "meetings"

    revision: Revision
    holds: tuple[HoldReason, ...]
    guardian_ids: tuple[UUID, ...]


class InvitationAnswered(MeetingFact):
    """A guardian answered the invitation of `revision`; a note, if any, stays here."""

    __service__ = "meetings"

    guardian_id: UUID
    answer: InvitationAnswer
    revision: Revision
    with_note: bool = False


class MeetingReminderDue(MeetingAtTime):
    """The meeting is tomorrow (Amsterdam date); the id derives from meeting and start."""

    __service__ = "meetings"

    revision: Revision
    guardian_ids: tuple[UUID, ...]
    location_kind: LocationKind
    interpreter_needed: bool = False
    interpreter_language: LanguageTag | None = None


class MeetingRecorded(Event):
    """The record of a meeting was written; guardians can read it on their page.

    `planned` False: a conversation that took place unplanned, recorded afterwards.
    `evaluated_opp_id` / `evaluated_agreement_ids`: what this meeting evaluated, on the
    meeting's date `held_on` (the next OPP cycle starts then).
    """

    __service__ = "meetings"

    meeting_id: UUID
    record_id: UUID
    pupil_id: UUID
    school_id: UUID
    kind: MeetingKind
    planned: bool
    starts_at: UtcDatetime
    held_on: date
    attended: tuple[MeetingParticipant, ...]
    guardian_ids: tuple[UUID, ...]
    strength_count: Count
    concern_count: Count
    goal_count: Count
    next_step_count: Count
    agreement_ids: tuple[UUID, ...] = ()
    evaluated_opp_id: UUID | None = None
    evaluated_agreement_ids: tuple[UUID, ...] = ()


class AgreementMade(Event):
    """An afspraak from a record: who (`responsible_id`), by when, evaluated when.
    Not the parents' consent to an OPP's action part (that is plans' `ActionPartSet`)."""

    __service__ = "meetings"

    agreement_id: UUID
    meeting_id: UUID
    record_id: UUID
    pupil_id: UUID
    school_id: UUID
    responsible_id: UUID
    responsible_role: ParticipantRole
    due_on: date
    evaluate_on: date


class RecordAcknowledged(Event):
    """A guardian confirmed having read the record (once per guardian)."""

    __service__ = "meetings"

    record_id: UUID
    meeting_id: UUID
    pupil_id: UUID
    school_id: UUID
    guardian_id: UUID


class ParentCommentAdded(Event):
    """A guardian added a comment beside the record; its text stays in this service."""

    __service__ = "meetings"

    comment_id: UUID
    record_id: UUID
    meeting_id: UUID
    pupil_id: UUID
    school_id: UUID
    guardian_id: UUID


class OppRegistered(Event):
    """A pupil's OPP (or a new version of its action part) is on file.

    `parents_approved`: the guardians approved this version's action part (instemming).
    `evaluation_due_on`: the last day on time for its evaluation with the parents.

    No longer emitted: the OPP moved to the plans service (`SupportStarted`,
    `OppVersionWritten`, `ActionPartSet`). Kept so that the log stays readable.
    """

    __service__ = "meetings"

    opp_id: UUID
    pupil_id: UUID
    school_id: UUID
    started_on: date
    action_part_version: Annotated[int, Field(ge=1)]
    parents_approved: bool
    evaluation_due_on: date


class EvaluationDate(Event):
    """An evaluation's date, of an OPP or an agreement (abstract)."""

    kind: EvaluationKind
    subject_id: UUID
    pupil_id: UUID
    school_id: UUID
    due_on: date


class EvaluationDue(EvaluationDate):
    """An evaluation falls due on `due_on` (the lead time before it has begun).

    `subject_id` is the OPP's id (kind `opp`) or the agreement's id (kind `agreement`).
    The id derives from subject and due date: one event per cycle, however many scans.
    Kind `opp` is no longer emitted: the plans service's `EvaluationDue` replaces it.
    """

    __service__ = "meetings"


class EvaluationOverdue(EvaluationDate):
    """`due_on` has passed and no evaluation was recorded. Kind `opp` is no longer
    emitted: the plans service's `EvaluationOverdue` replaces it."""

    __service__ = "meetings"
