"""The roster facts the consent service owns; other services build projections from them.

Only what readers need travels: ids, the school, dates and a guardian's standing. The
pupil's birth date stays in the consent service, which alone applies the age rules;
names and contact points never travel (notifications holds contact points itself).
All ids are pseudonymous UUIDv5s (`ids.pseudonymous_id`), so no school number travels.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import CODE, Event, EventValue
from samen_contract.fields import MinuteStart


class GuardianStanding(StrEnum):
    """What a guardian may do for a pupil (GLOSSARY.md)."""

    PARENTAL_AUTHORITY = "parental_authority"  # gezag: is asked for consent
    INFORMATION_RIGHT = "information_right"  # informatierecht: informed, never asked


class PupilAtSchool(Event):
    """A fact about a pupil on a school's roster (abstract)."""

    pupil_id: UUID
    school_id: UUID


class GuardianshipFact(Event):
    """A fact about a guardian's standing to a pupil (abstract)."""

    pupil_id: UUID
    guardian_id: UUID


class PupilEnrolled(PupilAtSchool):
    """The pupil is on the school's roster from `enrolled_on`; `group`: the class group's
    code (e.g. `7b`), when the roster names one, so a teacher sees their own pupils."""

    __service__ = "consent"

    enrolled_on: date
    group: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


class PupilGroupChanged(PupilAtSchool):
    """The pupil moved to another class group of the same school (the school's roster now
    names `group`; None: no group any more), e.g. from `7a` to `7b` during the year."""

    __service__ = "consent"

    group: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


class PupilLeft(PupilAtSchool):
    """The pupil left the school on `left_on`; retention periods count from this date."""

    __service__ = "consent"

    left_on: date


class GuardianshipRecorded(GuardianshipFact):
    """The guardian stands in `standing` to the pupil.

    Recorded again when the standing changes: the latest one (by the pupil's sequence
    number) is the current standing.
    """

    __service__ = "consent"

    standing: GuardianStanding


class GuardianshipEnded(GuardianshipFact):
    """The guardian no longer stands in any relation to the pupil."""

    __service__ = "consent"


class PartyRole(StrEnum):
    """Who answers a consent request: a guardian with authority, or the pupil (age rules)."""

    GUARDIAN = "guardian"
    PUPIL = "pupil"


class ConsentAnswer(StrEnum):
    AGREE = "agree"
    REFUSE = "refuse"


class AnswerChannel(StrEnum):
    GUARDIAN_PAGE = "guardian_page"  # the parent's own page, through their access link
    RECORDED_BY_STAFF = "recorded_by_staff"  # e.g. the pupil's answer, with the IB as witness


class ConsentRuleKind(StrEnum):
    """When the guardians' answers amount to consent (a pupil who is a party must agree)."""

    ALL_WITH_AUTHORITY = "all_with_authority"
    ONE_SUFFICES = "one_suffices"


class ConsentParty(EventValue):
    party_id: UUID
    role: PartyRole


class ConsentSubject(EventValue):
    """The exact document a request asks consent for, e.g. one version of an OPP's action
    part (`kind` "opp_action_part", `subject_id` the OPP): its owner keeps the words, the
    hash binds the consent to them."""

    kind: str = Field(pattern=CODE)
    subject_id: UUID
    version: int = Field(ge=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class ConsentRequested(Event):
    """Staff asked consent for one purpose; `parties` are exactly those to ask (never a
    parent with only the right to information). `subject`: the document asked about,
    when the purpose binds to one."""

    __service__ = "consent"

    request_id: UUID
    pupil_id: UUID
    school_id: UUID
    purpose: str = Field(pattern=CODE)
    purpose_version: int = Field(ge=1)
    parties: tuple[ConsentParty, ...]
    # The last Amsterdam day on which the question can be answered (None: no end).
    answer_by: date | None = None
    rule: ConsentRuleKind | None = None
    subject: ConsentSubject | None = None


class ConsentRequestFact(Event):
    """A fact about one consent request: the pupil and purpose it asks about (abstract)."""

    request_id: UUID
    pupil_id: UUID
    purpose: str = Field(pattern=CODE)


class ConsentRequestVersion(ConsentRequestFact):
    """A fact about a consent request, with the version of the purpose's text (abstract)."""

    purpose_version: int = Field(ge=1)


class ConsentAnswered(ConsentRequestVersion):
    """One party answered; the Dutch text's version is what they agreed to or refused,
    and `subject` the exact document version they read, when the request names one."""

    __service__ = "consent"

    party_id: UUID
    party_role: PartyRole
    answer: ConsentAnswer
    channel: AnswerChannel
    subject: ConsentSubject | None = None


class ConsentGiven(ConsentRequestVersion):
    """Every required party agreed: the school may act for this purpose until `valid_until`
    (exclusive; None while not withdrawn)."""

    __service__ = "consent"

    valid_until: datetime | None = None


class ConsentRefused(ConsentRequestFact):
    """A party refused: the request ends; only a new request can lead to consent."""

    __service__ = "consent"

    party_id: UUID


class ConsentConflictDetected(ConsentRequestFact):
    """One party agreed and another refused or withdrew: staff talk with both."""

    __service__ = "consent"

    agreed: tuple[UUID, ...]
    disagreed: tuple[UUID, ...]


class ConsentWithdrawn(ConsentRequestFact):
    """A party withdrew: from now on the consent is not valid.

    `was_given` is False when a party withdrew their own agreement while the request was
    still open (the request ends then too).
    """

    __service__ = "consent"

    party_id: UUID
    was_given: bool | None = None


class ConsentExpired(ConsentRequestFact):
    """The validity ended at `expired_at`; the id is derived from the request, so a sweep
    never emits it twice."""

    __service__ = "consent"

    expired_at: datetime
    was_given: bool | None = None  # False: the question lapsed unanswered


class ConsentReminderDue(ConsentRequestFact):
    """A party has not answered after the configured days; reminder `number` is due."""

    __service__ = "consent"

    party_id: UUID
    number: int = Field(ge=1)
    # A pupil party answers in a conversation with staff: remind the school, not the pupil.
    party_role: PartyRole | None = None


class CancelReason(StrEnum):
    STAFF = "staff"  # staff stopped it (asked by mistake, circumstances changed)
    ROSTER_CHANGED = "roster_changed"  # the pupil left, or the guardians changed: ask again


class ConsentRequestCancelled(ConsentRequestFact):
    """An open request was stopped before anyone could give consent; nobody answers it
    any more."""

    __service__ = "consent"

    reason: CancelReason


class SupportNeed(StrEnum):
    """What a guardian says they need themselves (the note they may add stays in the
    consent service)."""

    EXPLANATION = "explanation"
    CONVERSATION = "conversation"
    INTERPRETER = "interpreter"
    HELP_WITH_FORMS = "help_with_forms"
    PARENTING_SUPPORT = "parenting_support"
    SOMEONE_ALONGSIDE = "someone_alongside"
    OTHER = "other"
    NOTHING_NOW = "nothing_now"


class GuardianSupportNeedsStated(Event):
    """A guardian said what support they need themselves, beside a consent request."""

    __service__ = "consent"

    pupil_id: UUID
    guardian_id: UUID
    request_id: UUID | None = None
    needs: tuple[SupportNeed, ...]
    has_note: bool = False


class ConsentAction(StrEnum):
    REQUEST = "request"
    ANSWER = "answer"
    WITHDRAW = "withdraw"
    CANCEL = "cancel"
    STATE_SUPPORT_NEEDS = "state_support_needs"
    REVISE_PURPOSE = "revise_purpose"


class ConsentActionRefused(Event):
    """An action the consent rules refused (an answer after withdrawal, a second open
    request, a guardian without authority...): nothing changed.

    `reason` is the rule's code. At most one per actor, action, target, reason and
    minute (the event id is derived from them), so a flood cannot bloat the trail.
    """

    __service__ = "consent"

    action: ConsentAction
    reason: str = Field(pattern=CODE)
    request_id: UUID | None = None
    pupil_id: UUID | None = None
    purpose: str | None = Field(default=None, pattern=CODE)
    window_start: MinuteStart
