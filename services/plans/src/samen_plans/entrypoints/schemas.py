"""The staff API's bodies. Free text is bounded; dates are ISO days."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field
from samen_contract.events.plans import ContributionKind

from samen_plans.domain.content import (
    ActionPart,
    Basis,
    EvaluationPlan,
    ExpectedDestination,
)

Words = Field(min_length=1, max_length=10_000)
Short = Field(min_length=1, max_length=500)


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StartOppIn(Body):
    opp_id: UUID
    pupil_id: UUID
    support_started_on: date


class ExpectedDestinationIn(Body):
    level: str = Short
    school_type: str = Short
    reasons: str = Words


class BasisIn(Body):
    strengths: str = Words
    hindrances: str = Words
    support_needs: str = Words
    expected_destination: ExpectedDestinationIn

    def domain(self) -> Basis:
        d = self.expected_destination
        return Basis(
            self.strengths,
            self.hindrances,
            self.support_needs,
            ExpectedDestination(d.level, d.school_type, d.reasons),
        )


class EvaluationPlanIn(Body):
    how: str = Words
    when: str = Short


class ActionPartIn(Body):
    goals: list[str] = Field(min_length=1, max_length=50)
    support: str = Words
    arrangement: str = Words
    who_does_what: str = Words
    location: str = Short
    starts_on: date
    ends_on: date
    evaluation: EvaluationPlanIn

    def domain(self) -> ActionPart:
        goals = tuple(g.strip() for g in self.goals)
        return ActionPart(
            goals,
            self.support,
            self.arrangement,
            self.who_does_what,
            self.location,
            self.starts_on,
            self.ends_on,
            EvaluationPlan(self.evaluation.how, self.evaluation.when),
        )


class VersionIn(Body):
    basis: BasisIn
    action_part: ActionPartIn


class VersionWritten(BaseModel):
    version: int
    action_part_sha256: str


class OfferIn(Body):
    answer_by: date | None = None


class Offered(BaseModel):
    version: int
    action_part_sha256: str
    answer_by: date | None


class EvaluationIn(Body):
    held_on: date
    guardians_present: list[UUID] = Field(default_factory=list, max_length=20)
    guardians_declined: list[UUID] = Field(default_factory=list, max_length=20)


class EvaluationOut(BaseModel):
    evaluation_id: UUID
    held_on: date
    with_parents: bool
    evaluation_due_on: date | None


class VersionSummary(BaseModel):
    version: int
    action_part_sha256: str
    written_at: datetime
    offered_at: datetime | None


class OppOut(BaseModel):
    opp_id: UUID
    pupil_id: UUID
    school_id: UUID
    status: str
    support_started_on: date
    opp_due_on: date
    evaluation_due_on: date | None
    latest_version: int
    offered_version: int | None
    set_version: int | None
    versions: list[VersionSummary]


class VersionList(BaseModel):
    items: list[VersionSummary]


class AnswerOut(BaseModel):
    party_id: UUID
    party_role: str
    answer: str
    channel: str
    answered_at: datetime


class ConsentOut(BaseModel):
    request_id: UUID
    outcome: str | None
    answers: list[AnswerOut]


class VersionOut(BaseModel):
    opp_id: UUID
    version: int
    basis: dict[str, Any]
    action_part: dict[str, Any]
    action_part_sha256: str
    written_at: datetime
    offered_at: datetime | None
    answer_by: date | None
    in_force: bool
    consent: list[ConsentOut]


class EntryIn(Body):
    kind: ContributionKind
    text: str = Words
    test_name: str | None = Field(default=None, min_length=1, max_length=200)
    taken_on: date | None = None


class EntryOut(BaseModel):
    entry_id: UUID
    pupil_id: UUID
    kind: str
    text: str
    test_name: str | None
    taken_on: date | None
    by: str
    added_at: datetime


class EntryList(BaseModel):
    items: list[EntryOut]
