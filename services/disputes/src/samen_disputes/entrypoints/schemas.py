"""The staff API's request and response bodies."""

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from samen_kit.inputs import FreeText, OneLine, SchoolDate

from samen_disputes.domain import (
    CommitteeAdvice,
    DecisionOutcome,
    DisputeSubject,
    Move,
    SchoolKind,
    Stage,
)

LongText = Annotated[FreeText, Field(min_length=1, max_length=5000)]


def _readable_move(text: str) -> str:
    Move.parse(text)  # ValueError -> 422
    return text


MoveText = Annotated[
    OneLine,
    Field(max_length=64, examples=["enter:mediation", "record_defence", "decide"]),
    AfterValidator(_readable_move),
]


class OpenDisputeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pupil_id: UUID
    subject: DisputeSubject
    description: LongText = Field(description="In the opener's words; stays in this service")
    decision_date: SchoolDate | None = Field(None, description="Date of the decision disputed")
    opp_id: UUID | None = Field(None, description="The OPP an OPP dispute is about")
    stage: Stage = Stage.CONVERSATION
    at_home_since: SchoolDate | None = Field(
        None,
        description="The pupil has been at home since (no place, or not going); after "
        "four weeks the dispute may start with the onderwijsconsulent",
    )


class MoveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    move: MoveText
    reason: FreeText | None = Field(None, max_length=5000, description="Why; stays in this service")
    outcome: DecisionOutcome | None = None
    advice: CommitteeAdvice | None = None


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: LongText


class NoteCreated(BaseModel):
    id: UUID


class DeadlineOut(BaseModel):
    kind: str
    party: str
    stage: str
    due_date: date
    due_at: datetime


class DisputeOut(BaseModel):
    id: UUID
    pupil_id: UUID
    school_id: UUID
    board_id: str | None
    subject: str
    opened_by: str
    opened_at: datetime
    age_days: int
    stage: str | None
    stages: list[str]
    situation: str
    ending: str | None
    outcome: str | None
    next_deadline: DeadlineOut | None
    no_deadline_reason: str | None
    allowed_moves: list[str] = Field(description="The moves the caller's role may make now")


class MoveOut(BaseModel):
    move: str
    kind: str
    actor: str
    at: datetime
    reason: str | None
    outcome: str | None
    advice: str | None
    departs_from_advice: bool
    stages_before: list[str]
    stages_after: list[str]


class NoteOut(BaseModel):
    id: UUID
    author: str
    side: str
    at: datetime
    text: str


class DisputeFileOut(DisputeOut):
    description: str
    decision_date: date | None
    opp_id: UUID | None
    deadlines: list[DeadlineOut]
    moves: list[MoveOut]
    notes: list[NoteOut]


class DisputeList(BaseModel):
    items: list[DisputeOut]


class TenantConfigIO(BaseModel):
    """The moves table (`moves`, `openings`) and the terms in weeks; the law's own
    conditions hold whatever the table allows."""

    model_config = ConfigDict(extra="forbid")

    rules: dict[str, list[dict[str, Any]]]
    deadlines: dict[str, Any]
    consultants_contact: OneLine = Field(min_length=1, max_length=200)


class SchoolKindIO(BaseModel):
    """Who runs the school: `public` (*openbaar*: objection with the board, then the
    administrative court) or `private` (*bijzonder*: a request for review with the board,
    then the civil court). A school whose kind was never set counts as public."""

    model_config = ConfigDict(extra="forbid")

    kind: SchoolKind
