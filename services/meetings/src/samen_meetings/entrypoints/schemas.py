"""Request and response bodies of the staff API (JSON). Free text is bounded here and
checked again by the domain (which answers with its own problem codes)."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field
from samen_kit.inputs import FreeText, OneLine, SchoolDate, SchoolDateTime

from samen_meetings.domain.consent_gate import ConsentGap, ConsentStatus, Purpose
from samen_meetings.domain.invitation import Answer
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.meeting import CancelReason, LocationKind, MeetingStatus

Text = Annotated[FreeText, Field(max_length=20_000)]
Texts = Annotated[list[Text], Field(max_length=50)]
Ids = Annotated[list[UUID], Field(max_length=50)]


class StaffRole(StrEnum):
    TEACHER = "teacher"
    IB = "ib"
    DIRECTOR = "director"
    TRAJECTBEGELEIDER = "trajectbegeleider"


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeetingIn(Body):
    pupil_id: UUID
    kind: MeetingKind
    starts_at: SchoolDateTime
    ends_at: SchoolDateTime
    staff_ids: Ids = Field(description="Staff taking part (from the staff directory)")
    include_pupil: bool = False
    interpreter_needed: bool = False
    interpreter_language: Annotated[OneLine, Field(max_length=35)] | None = None
    location_kind: LocationKind = LocationKind.SCHOOL
    evaluates_opp_id: UUID | None = None
    evaluates_agreement_ids: Ids = []


class RescheduleIn(Body):
    starts_at: SchoolDateTime
    ends_at: SchoolDateTime


class CancelIn(Body):
    reason: CancelReason


class AgreementIn(Body):
    what: Text
    responsible_id: UUID
    due_on: SchoolDate
    evaluate_on: SchoolDate


class RecordIn(Body):
    attended_ids: Ids
    strengths: Texts
    concerns: Texts
    goals: Texts
    next_steps: Texts
    guardian_view: Text = ""
    guardian_support_needs: Text = ""
    agreements: Annotated[list[AgreementIn], Field(max_length=50)] = []


class StaffIn(Body):
    role: StaffRole
    school_ids: Ids = []


class StaffOut(BaseModel):
    """A colleague in the staff directory: ids and role only (names live elsewhere)."""

    person_id: UUID
    role: StaffRole
    school_ids: list[UUID]


class SettingsBody(Body):
    agreement_lead_days: Annotated[int, Field(ge=0, le=365)] = 7
    reminder_local_time: Annotated[
        time,
        # A wall-clock time without offset: JSON Schema's "time" would demand one.
        Field(json_schema_extra={"format": "partial-time"}),
    ] = time(9, 0)


# --- responses ----------------------------------------------------------------------------


class ParticipantOut(BaseModel):
    person_id: UUID
    role: ParticipantRole


class HoldOut(BaseModel):
    purpose: Purpose
    gap: ConsentGap
    role: ParticipantRole | None


class AnswerOut(BaseModel):
    guardian_id: UUID
    answer: Answer
    note: str
    revision: int
    answered_at: datetime


class InterpreterOut(BaseModel):
    needed: bool
    language: str | None


class MeetingOut(BaseModel):
    meeting_id: UUID
    pupil_id: UUID
    school_id: UUID
    kind: MeetingKind
    status: MeetingStatus
    planned: bool
    starts_at: datetime
    ends_at: datetime
    location_kind: LocationKind
    interpreter: InterpreterOut
    participants: list[ParticipantOut]
    revision: int
    hold_reasons: list[HoldOut]
    cancel_reason: CancelReason | None
    evaluates_opp_id: UUID | None
    evaluates_agreement_ids: list[UUID]
    opp_disputes: list[UUID] = Field(description="Open disputes about the evaluated OPP")
    answers: list[AnswerOut]
    record_id: UUID | None


class AgreementOut(BaseModel):
    agreement_id: UUID
    meeting_id: UUID
    record_id: UUID
    pupil_id: UUID
    what: str
    responsible_id: UUID
    responsible_role: ParticipantRole
    due_on: date
    evaluate_on: date
    evaluated_on: date | None


class AcknowledgementOut(BaseModel):
    guardian_id: UUID
    acknowledged_at: datetime


class CommentOut(BaseModel):
    comment_id: UUID
    guardian_id: UUID
    text: str
    added_at: datetime


class RecordOut(BaseModel):
    record_id: UUID
    meeting_id: UUID
    pupil_id: UUID
    recorded_by: UUID
    recorded_at: datetime
    attended: list[ParticipantOut]
    strengths: list[str]
    concerns: list[str]
    guardian_view: str
    guardian_support_needs: str
    goals: list[str]
    next_steps: list[str]
    agreements: list[AgreementOut]
    acknowledgements: list[AcknowledgementOut]
    parent_comments: list[CommentOut] = Field(description="Beside the record, never in it")


class OppOut(BaseModel):
    """An OPP as the plans service's facts describe it; the plans service owns it."""

    opp_id: UUID
    pupil_id: UUID
    school_id: UUID
    started_on: date = Field(description="Extra support started: the OPP's start")
    opp_due_on: date | None = Field(description="The last day to set the OPP (6 weeks)")
    version: int | None = Field(description="The latest version written")
    set_version: int | None = Field(
        description="The latest version whose action part the parents consented to (set)"
    )
    set_on: date | None
    evaluation_due_on: date | None = Field(
        description="The last day its evaluation with the parents is on time"
    )
    closed_on: date | None = Field(description="A later OPP of the pupil replaced it")
    contested: bool
    dispute_ids: list[UUID]


class GuardianOut(BaseModel):
    guardian_id: UUID
    standing: str


class ConsentOut(BaseModel):
    purpose: str
    status: ConsentStatus
    valid_until: date | None


class PupilOut(BaseModel):
    pupil_id: UUID
    school_id: UUID
    enrolled_on: date | None
    left_on: date | None
    guardians: list[GuardianOut]
    consents: list[ConsentOut]
    opps: list[OppOut]
