"""The consent request as an immutable value, and how one is opened.

A request pins the purpose version and the parties at the moment it is made; a later
change of text, age or guardianship does not move an open request (staff cancel it and
ask again). Transitions live in `transitions.py`; the "may we?" query in `status.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final
from uuid import UUID

from samen_consent.domain.decisions import Decision, Requested
from samen_consent.domain.dutch_time import as_utc, local_date
from samen_consent.domain.errors import (
    ConsentStillValid,
    DocumentNotShown,
    NoAuthority,
    NotAParty,
    RequestAlreadyOpen,
)
from samen_consent.domain.evidence import Act, Channel, Evidence, ShownDocument, shown_text
from samen_consent.domain.parties import Guardianship, Parties, PartyRole, Pupil, required_parties
from samen_consent.domain.purposes import Purpose
from samen_consent.domain.subject import Subject, check_subject
from samen_consent.domain.validity import valid_until


class RequestState(StrEnum):
    OPEN = "open"
    GIVEN = "given"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


TERMINAL: Final = frozenset(
    {RequestState.REFUSED, RequestState.WITHDRAWN, RequestState.EXPIRED, RequestState.CANCELLED}
)


@dataclass(frozen=True, slots=True)
class ConsentRequest:
    """`reminders_sent` holds (party, reminder number) pairs already emitted."""

    request_id: UUID
    pupil_id: UUID
    purpose: Purpose
    parties: Parties
    requested_by: UUID
    requested_at: datetime
    state: RequestState = RequestState.OPEN
    answers: tuple[Evidence, ...] = ()
    given_at: datetime | None = None
    ended_at: datetime | None = None
    withdrawal: Evidence | None = None
    reminders_sent: frozenset[tuple[UUID, int]] = frozenset()
    subject: Subject | None = None  # the exact document asked about, for a bound purpose

    def __post_init__(self) -> None:
        object.__setattr__(self, "requested_at", as_utc(self.requested_at))

    def answer_of(self, party_id: UUID) -> Evidence | None:
        return next((a for a in self.answers if a.party_id == party_id), None)

    @property
    def agreed(self) -> frozenset[UUID]:
        return frozenset(a.party_id for a in self.answers if a.act is Act.AGREE)

    @property
    def answered(self) -> frozenset[UUID]:
        return frozenset(a.party_id for a in self.answers)

    @property
    def expires_at(self) -> datetime | None:
        """Exclusive end: of the consent once given, of the question while open.

        An open request lapses when a consent given at the moment of asking would have
        lapsed: a question about this school year is not answered in the next one.
        """
        return valid_until(self.purpose.validity, self.given_at or self.requested_at)

    @property
    def last_change(self) -> datetime:
        moments = [self.requested_at, *(a.at for a in self.answers)]
        moments += [m for m in (self.ended_at, self.given_at) if m is not None]
        return max(moments)


@dataclass(frozen=True, slots=True)
class Outcome:
    request: ConsentRequest
    decisions: tuple[Decision, ...]


def is_expired(request: ConsentRequest, now: datetime) -> bool:
    """Expiry always wins: at or after the end, the request counts as expired."""
    end = request.expires_at
    live = request.state in (RequestState.OPEN, RequestState.GIVEN)
    return live and end is not None and as_utc(now) >= end


def effective_state(request: ConsentRequest, now: datetime) -> RequestState:
    return RequestState.EXPIRED if is_expired(request, now) else request.state


def is_valid(request: ConsentRequest, now: datetime) -> bool:
    return effective_state(request, now) is RequestState.GIVEN


def party_role(request: ConsentRequest, party_id: UUID) -> PartyRole:
    """The party's role; `NoAuthority` for a known guardian not asked, else `NotAParty`."""
    role = request.parties.role_of(party_id)
    if role is not None:
        return role
    if party_id in request.parties.not_asked:
        raise NoAuthority(party_id)
    raise NotAParty(party_id)


def open_request(
    *,
    request_id: UUID,
    pupil: Pupil,
    purpose: Purpose,
    guardianships: Iterable[Guardianship],
    requested_by: UUID,
    now: datetime,
    existing: Iterable[ConsentRequest],
    subject: Subject | None = None,
) -> Outcome:
    """Ask consent for `pupil` and `purpose`; `existing` are the pupil's other requests.

    At most one request per pupil and purpose is live (open, or given and valid), so a
    withdrawal always ends the one consent there is. For a purpose bound to a document,
    that holds per version: the consent to version 1 stays in force while version 2 is
    asked about, but an open question about version 1 must be cancelled first. Raises
    `RequestAlreadyOpen`, `ConsentStillValid`, `SubjectRequired`, or `NoPartyToAsk`
    when nobody may answer.
    """
    now = as_utc(now)
    check_subject(purpose.code, subject)
    for other in existing:
        if other.pupil_id == pupil.pupil_id and other.purpose.code == purpose.code:
            if subject is None or other.subject == subject:
                _refuse_beside(other, now)
            elif effective_state(other, now) is RequestState.OPEN:
                raise RequestAlreadyOpen(other.request_id)
    parties = required_parties(pupil, guardianships, purpose.age_rule, local_date(now))
    request = ConsentRequest(
        request_id, pupil.pupil_id, purpose, parties, requested_by, now, subject=subject
    )
    return Outcome(request, (_requested(request),))


def superseded_by(
    subject: Subject, existing: Iterable[ConsentRequest], now: datetime
) -> list[ConsentRequest]:
    """The open questions about another version of the same document: a new version
    replaces them (nobody should answer words that no longer stand)."""
    return [
        other
        for other in existing
        if other.subject is not None
        and other.subject.is_same_document(subject)
        and other.subject != subject
        and effective_state(other, as_utc(now)) is RequestState.OPEN
    ]


def _refuse_beside(other: ConsentRequest, now: datetime) -> None:
    state = effective_state(other, now)
    if state is RequestState.OPEN:
        raise RequestAlreadyOpen(other.request_id)
    if state is RequestState.GIVEN:
        raise ConsentStillValid(other.request_id)


def _requested(request: ConsentRequest) -> Requested:
    return Requested(
        request_id=request.request_id,
        pupil_id=request.pupil_id,
        purpose_code=request.purpose.code,
        at=request.requested_at,
        guardians=tuple(sorted(request.parties.guardians)),
        pupil_party=request.parties.pupil,
        text_version=request.purpose.version,
        rule=request.purpose.rule,
        expires_at=request.expires_at,
        requested_by=request.requested_by,
        subject=request.subject,
    )


def evidence_for(
    request: ConsentRequest,
    *,
    party_id: UUID,
    act: Act,
    at: datetime,
    channel: Channel,
    language: str,
    token_id: str | None = None,
    witness_id: UUID | None = None,
    document_language: str | None = None,
    reason: str | None = None,
) -> Evidence:
    """Evidence for an act on this request, with the texts of the version it pins.

    For a request about a document, an answer needs the language the document's words
    were shown in (`DocumentNotShown` otherwise); a withdrawal names the document too.
    """
    purpose = request.purpose
    document = None
    if request.subject is not None:
        if document_language is None and act is not Act.WITHDRAW:
            raise DocumentNotShown(f"{request.subject.kind} {request.subject.version}")
        document = ShownDocument(request.subject, document_language or language)
    return Evidence(
        request_id=request.request_id,
        purpose_code=purpose.code,
        text_version=purpose.version,
        dutch_sha256=purpose.dutch.sha256,
        shown=shown_text(purpose, language),
        party_id=party_id,
        role=party_role(request, party_id),
        act=act,
        at=at,
        channel=channel,
        token_id=token_id,
        witness_id=witness_id,
        document=document,
        reason=reason or None,
    )
