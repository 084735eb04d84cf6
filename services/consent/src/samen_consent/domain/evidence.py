"""Evidence of one act by one party: who, when, how, and which words were on the page.

Every answer and every withdrawal keeps one. It names the binding Dutch text by version
and hash, and the text actually shown by language and hash (and whether a person had
reviewed that translation), so a receipt can prove what the parent read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from samen_kit.inputs import has_control_characters

from samen_consent.domain.dutch_time import as_utc
from samen_consent.domain.errors import InvalidEvidence
from samen_consent.domain.parties import PartyRole
from samen_consent.domain.purposes import Purpose, text_to_show
from samen_consent.domain.subject import Subject

MAX_REASON_LENGTH = 2000


class Channel(StrEnum):
    GUARDIAN_PAGE = "guardian_page"  # the guardian, through the link's access token
    RECORDED_BY_STAFF = "recorded_by_staff"  # staff record it, e.g. the IB with the pupil


class Act(StrEnum):
    AGREE = "agree"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"


@dataclass(frozen=True, slots=True)
class ShownText:
    language: str
    sha256: str
    reviewed: bool


@dataclass(frozen=True, slots=True)
class ShownDocument:
    """The document the act was about (its version and hash), and the language its
    labels were shown in; its free text is the Dutch original."""

    subject: Subject
    language: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """`token_id` is the guardian token's id; `witness_id` the staff member who recorded
    the act. A pupil's answer is always recorded by staff, in a conversation."""

    request_id: UUID
    purpose_code: str
    text_version: int
    dutch_sha256: str
    shown: ShownText
    party_id: UUID
    role: PartyRole
    act: Act
    at: datetime
    channel: Channel
    token_id: str | None = None
    witness_id: UUID | None = None
    document: ShownDocument | None = None
    # Why a party said no, in their own words (optional; stays in this service).
    reason: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "at", as_utc(self.at))
        _check_channel(self)
        if self.reason is not None and self.act is not Act.REFUSE:
            raise InvalidEvidence("only a refusal carries a reason")
        if self.reason is not None and len(self.reason) > MAX_REASON_LENGTH:
            raise InvalidEvidence(f"a reason holds at most {MAX_REASON_LENGTH} characters")
        if self.reason is not None and has_control_characters(self.reason, allow_breaks=True):
            raise InvalidEvidence("a reason is plain text")


def _check_channel(evidence: Evidence) -> None:
    if evidence.channel is Channel.GUARDIAN_PAGE:
        if evidence.role is not PartyRole.GUARDIAN:
            raise InvalidEvidence("only a guardian answers on the guardian page")
        if not evidence.token_id or evidence.witness_id is not None:
            raise InvalidEvidence("a guardian page answer carries its token id, no witness")
    elif evidence.witness_id is None:
        raise InvalidEvidence("an answer recorded by staff names the staff member as witness")


def shown_text(purpose: Purpose, language: str) -> ShownText:
    """What the reader saw: their language if the purpose has it, otherwise Dutch."""
    text = text_to_show(purpose, language)
    return ShownText(language=text.language, sha256=text.sha256, reviewed=text.reviewed)
