"""The staff API's request and response bodies."""

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field
from samen_kit.inputs import FreeText, OneLine, SchoolDate

from samen_admissions.domain.codes import (
    Advice,
    Discipline,
    ObjectionAdvice,
    ObjectionOutcome,
    RegistrationOutcome,
    RequestKind,
)

LongText = Annotated[FreeText, Field(min_length=1, max_length=10000)]
Code = Annotated[OneLine, Field(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftIn(Strict):
    pupil_id: UUID
    kind: RequestKind
    category: Code = Field(examples=["so_middle", "sbo", "light"])
    motivation: LongText = Field(description="The school's question; stays in this service")
    opp_id: UUID | None = Field(None, description="The OPP the request builds on (by id)")


class AdviceIn(Strict):
    discipline: Discipline
    field_of_expertise: Annotated[OneLine, Field(max_length=128)] | None = None
    advice: Advice
    text: LongText


class GrantIn(Strict):
    start_date: SchoolDate
    end_date: SchoolDate


class RefuseIn(Strict):
    reasons: LongText


class ExtendIn(Strict):
    end_date: SchoolDate


class ObjectionIn(Strict):
    grounds: LongText
    lodged_on: SchoolDate | None = Field(None, description="When it was received, if earlier")


class ObjectionAdviceIn(Strict):
    advice: ObjectionAdvice


class ObjectionDecisionIn(Strict):
    outcome: ObjectionOutcome


class AdviceOut(BaseModel):
    id: UUID
    discipline: str
    field_of_expertise: str | None
    advice: str
    text: str
    given_at: datetime


class ObjectionOut(BaseModel):
    lodged_on: date
    in_time: bool
    advisory_step: bool
    stage: str
    advice: str | None
    outcome: str | None
    decide_by: date


class RequestHeading(BaseModel):
    """What every view of a request starts with: whose it is, what and where it stands."""

    id: UUID
    pupil_id: UUID
    school_id: UUID
    kind: str
    category: str
    status: str


class RequestOut(RequestHeading):
    opp_id: UUID | None
    motivation: str
    parents_view: str | None
    submitted_on: date | None
    decide_by: date | None = Field(description="Awb art. 4:13: eight weeks after submitting")
    decided_on: date | None
    start_date: date | None
    end_date: date | None
    refusal_reasons: str | None
    objection_by: date | None
    objection: ObjectionOut | None
    advices: list[AdviceOut]


class RequestLine(RequestHeading):
    submitted_on: date | None
    end_date: date | None


class RequestList(BaseModel):
    items: list[RequestLine]


class RegistrationIn(Strict):
    pupil_id: UUID
    registered_on: SchoolDate


class RegistrationDecisionIn(Strict):
    outcome: RegistrationOutcome


class RegistrationOut(BaseModel):
    id: UUID
    pupil_id: UUID
    school_id: UUID
    registered_on: date
    extended: bool
    decide_by: date
    outcome: str | None
    decided_on: date | None


class RegistrationList(BaseModel):
    items: list[RegistrationOut]


class AbsenceIn(Strict):
    pupil_id: UUID
    home_since: SchoolDate


class AbsenceEndIn(Strict):
    ended_on: SchoolDate


class AbsenceOut(BaseModel):
    id: UUID
    pupil_id: UUID
    school_id: UUID
    home_since: date
    ended_on: date | None
    reported_on: date | None
    thuiszitter: bool


class AbsenceList(BaseModel):
    items: list[AbsenceOut]


class SchoolCount(BaseModel):
    school_id: UUID
    thuiszitters: int


class InspectieReport(BaseModel):
    as_of: date
    thuiszitters_per_school: list[SchoolCount]
    tlv_decisions: int
    tlv_decisions_on_time: int = Field(description="Within eight weeks (Awb art. 4:13)")
