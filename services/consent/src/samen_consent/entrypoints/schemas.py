"""The staff API's public shapes (requests in, documents out). Ids only: no names."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field
from samen_kit.inputs import INT32_MAX, FreeText, OneLine, SensibleDate

from samen_consent.domain.parties import Standing
from samen_consent.domain.request import RequestState
from samen_consent.domain.rules import ConsentRule
from samen_consent.domain.status import StatusReason
from samen_consent.domain.support_needs import SupportNeedKind

Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=16)]
PurposeCode = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,62}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Roster -----------------------------------------------------------------------------


class RosterGuardianIn(Strict):
    guardian_id: UUID
    standing: Standing


class RosterRowIn(Strict):
    line: int = Field(
        ge=1, le=INT32_MAX, description="The line in the school's file, for error reports."
    )
    pupil_id: UUID
    birth_date: SensibleDate
    enrolled_on: SensibleDate
    left_on: SensibleDate | None = None
    guardians: list[RosterGuardianIn] = Field(default_factory=list, max_length=8)
    group: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$",
        description="The class group's code (e.g. `7b`); none: the group known stays.",
    )


class RosterErrorOut(BaseModel):
    line: int
    detail: str


class RosterReportOut(BaseModel):
    imported: int
    unchanged: int
    errors: list[RosterErrorOut]


class GuardianshipOut(BaseModel):
    guardian_id: UUID
    standing: Standing
    current: bool


class PupilOut(BaseModel):
    pupil_id: UUID
    school_id: UUID
    board_id: UUID | None
    birth_date: date
    enrolled_on: date
    left_on: date | None
    guardians: list[GuardianshipOut] = Field(default_factory=list)


# Purposes ---------------------------------------------------------------------------


class TextIn(Strict):
    language: Language
    title: OneLine = Field(min_length=1, max_length=200)
    body: FreeText = Field(min_length=1, max_length=5000)


class TextOut(BaseModel):
    language: str
    title: str
    body: str
    reviewed: bool
    sha256: str


ValidityKind = Literal["until_school_year_end", "for_months", "until_withdrawn"]


class ValidityIn(Strict):
    kind: ValidityKind
    months: int | None = Field(default=None, ge=1, le=120)
    last_month: int = Field(default=7, ge=1, le=12)
    last_day: int = Field(default=31, ge=1, le=31)


class AgeRuleIO(Strict):
    pupil_beside_from: int | None = Field(default=None, ge=1, le=24)
    pupil_alone_from: int | None = Field(default=None, ge=1, le=24)


class PurposeIn(Strict):
    code: PurposeCode
    texts: list[TextIn] = Field(min_length=1, max_length=20)
    rule: ConsentRule = ConsentRule.ALL_WITH_AUTHORITY
    validity: ValidityIn = ValidityIn(kind="until_school_year_end")
    age_rule: AgeRuleIO = AgeRuleIO()


class RevisionIn(Strict):
    texts: list[TextIn] = Field(min_length=1, max_length=20)


class PurposeOut(BaseModel):
    code: str
    version: int
    rule: ConsentRule
    validity: dict[str, str | int]
    age_rule: AgeRuleIO
    texts: list[TextOut]


# Requests ---------------------------------------------------------------------------


class RequestIn(Strict):
    pupil_id: UUID
    purpose: PurposeCode


class PupilAnswerIn(Strict):
    act: Literal["agree", "refuse", "withdraw"]
    language: Language = Field(default="nl", description="The language the pupil read.")


class PartyOut(BaseModel):
    party_id: UUID
    role: Literal["guardian", "pupil"]
    answer: Literal["agree", "refuse"] | None
    answered_at: datetime | None
    withdrew_at: datetime | None
    reason: str | None = Field(
        default=None, description="Why the party said no, in their own words (optional)."
    )


class RequestOut(BaseModel):
    request_id: UUID
    pupil_id: UUID
    school_id: UUID
    purpose: str
    purpose_version: int
    rule: ConsentRule
    state: RequestState
    requested_at: datetime
    requested_by: UUID
    given_at: datetime | None
    ended_at: datetime | None
    expires_at: datetime | None = Field(description="Exclusive end of the question or consent.")
    parties: list[PartyOut]
    not_asked: list[UUID] = Field(description="Guardians informed but not asked.")


class EvidenceOut(BaseModel):
    evidence_id: UUID
    request_id: UUID
    party_id: UUID
    role: str
    act: str
    at: datetime
    channel: str
    token_id: str | None
    witness_id: UUID | None
    text_version: int
    dutch_sha256: str
    shown_language: str
    shown_sha256: str
    shown_reviewed: bool


# Queries ----------------------------------------------------------------------------


class StatusOut(BaseModel):
    """'May we?' `until` is the exclusive end of a valid consent (None: until withdrawn)."""

    pupil_id: UUID
    purpose: str
    allowed: bool
    reason: StatusReason
    request_id: UUID | None
    until: datetime | None
    last_valid_day: date | None
    waiting_for: list[UUID]
    answers_needed: int


class SupportNeedsOut(BaseModel):
    pupil_id: UUID
    guardian_id: UUID
    request_id: UUID | None
    kinds: list[SupportNeedKind]
    note: str | None
    at: datetime
