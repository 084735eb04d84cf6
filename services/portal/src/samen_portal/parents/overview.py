"""What a guardian's overview of their child shows: pure, so it reads on its own.

Open questions come first (what the parent is asked to do, soonest date first), then
the timeline (newest first), grouped by theme. Everything is worked out from the read
model's facts (ids, dates, statuses); a fact about another guardian (a message to
them, their answer to an invitation) is left out: each parent sees their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from samen_portal.domain.facts import PupilFact


class Ask(StrEnum):
    """What an open question asks the parent to do."""

    CONSENT = "consent"  # answer a consent request
    ACTION_PART = "action_part"  # consent to an OPP's action part
    INVITATION = "invitation"  # say whether they come to a meeting
    RECORD = "record"  # read a meeting's record


class Theme(StrEnum):
    CONSENT = "consent"
    MEETINGS = "meetings"
    OPP = "opp"
    REQUESTS = "requests"
    DISPUTES = "disputes"
    MESSAGES = "messages"


@dataclass(frozen=True)
class Question:
    ask: Ask
    ref: UUID
    asked_at: datetime
    due_on: date | None
    source: str


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: a fact the parent may see."""

    theme: Theme
    kind: str
    at: datetime
    ref: UUID | None
    source: str
    due_on: date | None
    details: dict[str, object]


# The facts the timeline shows, by theme (anything else stays on the staff pages).
THEMES: dict[str, Theme] = {
    **dict.fromkeys(
        (
            "ConsentRequested",
            "ConsentAnswered",
            "ConsentGiven",
            "ConsentRefused",
            "ConsentWithdrawn",
            "ConsentExpired",
            "ConsentRequestCancelled",
        ),
        Theme.CONSENT,
    ),
    **dict.fromkeys(
        (
            "MeetingScheduled",
            "MeetingRescheduled",
            "MeetingCancelled",
            "InvitationAnswered",
            "MeetingRecorded",
            "AgreementMade",
            "RecordAcknowledged",
        ),
        Theme.MEETINGS,
    ),
    **dict.fromkeys(
        (
            "SupportStarted",
            "OppVersionWritten",
            "ActionPartOffered",
            "ActionPartSet",
            "ActionPartNotSet",
            "EvaluationHeld",
        ),
        Theme.OPP,
    ),
    **dict.fromkeys(
        (
            "AdmissionRequested",
            "AdmissionGranted",
            "AdmissionRefused",
            "AdmissionExtended",
            "AdmissionObjectionLodged",
            "AdmissionObjectionDecided",
            "RegistrationRecorded",
            "RegistrationDecided",
        ),
        Theme.REQUESTS,
    ),
    **dict.fromkeys(
        (
            "DisputeOpened",
            "DisputeStageChanged",
            "DisputeDeadlineApproaching",
            "DisputeDeadlineMissed",
            "DisputeResolved",
            "DisputeDecided",
            "DisputeWithdrawn",
        ),
        Theme.DISPUTES,
    ),
    "NotificationSent": Theme.MESSAGES,
}
# Details that name one guardian: a fact naming another guardian is theirs alone.
_PERSONAL = ("recipient_id", "guardian_id")
_CONSENT_SETTLED = frozenset(
    {"ConsentGiven", "ConsentRefused", "ConsentRequestCancelled", "ConsentExpired"}
)
_MEETING_OVER = frozenset({"MeetingCancelled", "MeetingRecorded"})
_ACTION_PART_SETTLED = frozenset({"ActionPartSet", "ActionPartNotSet"})


def is_theirs(fact: PupilFact, guardian_id: UUID) -> bool:
    """False for a fact about another guardian only (a message to them, their answer)."""
    return all(str(fact.details.get(name, guardian_id)) == str(guardian_id) for name in _PERSONAL)


def open_questions(facts: Iterable[PupilFact], guardian_id: UUID) -> list[Question]:
    """What `guardian_id` is still asked to do, soonest date first (undated last)."""
    ordered = sorted(facts, key=lambda f: f.at)
    asked: dict[tuple[Ask, UUID], Question] = {}
    for fact in ordered:  # in time order: a later question (a new offer) asks again
        if fact.ref_id is None:
            continue
        for key in _answers(fact, guardian_id):
            asked.pop(key, None)
        question = _question(fact)
        if question is not None:
            asked[(question.ask, question.ref)] = question
    return sorted(asked.values(), key=_soonest)


def _soonest(question: Question) -> tuple[bool, date, datetime]:
    return (question.due_on is None, question.due_on or date.max, question.asked_at)


def _question(fact: PupilFact) -> Question | None:
    assert fact.ref_id is not None
    ask = {
        "ConsentRequested": Ask.CONSENT,
        "ActionPartOffered": Ask.ACTION_PART,
        "MeetingScheduled": Ask.INVITATION,
        "MeetingRescheduled": Ask.INVITATION,
        "MeetingRecorded": Ask.RECORD,
    }.get(fact.kind)
    if ask is None:
        return None
    ref = fact.ref_id
    if ask is Ask.RECORD:  # a record is read by its own id, not the meeting's
        ref = UUID(str(fact.details["record_id"]))
    # A later offer of the same OPP's action part replaces the question (same key).
    return Question(ask, ref, fact.at, fact.due_on, fact.source)


def _answers(fact: PupilFact, guardian_id: UUID) -> Sequence[tuple[Ask, UUID]]:
    """The questions `fact` settles for this guardian (a rescheduled meeting asks anew)."""
    ref = fact.ref_id
    assert ref is not None
    mine = is_theirs(fact, guardian_id)
    if fact.kind == "ConsentAnswered" and fact.details.get("party_id") == str(guardian_id):
        return [(Ask.CONSENT, ref)]
    if fact.kind in _CONSENT_SETTLED:
        return [(Ask.CONSENT, ref)]
    if fact.kind == "InvitationAnswered" and mine:
        return [(Ask.INVITATION, ref)]
    if fact.kind in _MEETING_OVER:
        return [(Ask.INVITATION, ref)]
    if fact.kind == "RecordAcknowledged" and mine:
        return [(Ask.RECORD, UUID(str(fact.details["record_id"])))]
    if fact.kind in _ACTION_PART_SETTLED:
        return [(Ask.ACTION_PART, ref)]
    return []


def timeline(facts: Iterable[PupilFact], guardian_id: UUID) -> list[Entry]:
    """The facts the parent may see, newest first."""
    entries = [
        Entry(theme, f.kind, f.at, f.ref_id, f.source, f.due_on, dict(f.details))
        for f in facts
        if (theme := THEMES.get(f.kind)) is not None and is_theirs(f, guardian_id)
    ]
    return sorted(entries, key=lambda e: e.at, reverse=True)


def by_theme(entries: Iterable[Entry]) -> dict[Theme, list[Entry]]:
    """The timeline per theme, in the order the page shows them (empty themes too)."""
    found: dict[Theme, list[Entry]] = {theme: [] for theme in Theme}
    for entry in entries:
        found[entry.theme].append(entry)
    return found
