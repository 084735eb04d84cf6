"""Domain errors: one class per refused rule, so the service maps each to one problem.

`slug` names the RFC 9457 problem type; the HTTP status is the service's choice. Each rule
is declared with the kit's `DomainError` (slug, message, the fields it names).
"""

from __future__ import annotations

from uuid import UUID

from samen_kit.domain_errors import DomainError


class ConsentError(DomainError, slug="consent-error"):
    """Base of every rule the consent domain refuses."""


class InvalidPurpose(ConsentError, slug="invalid-purpose", message="{detail}"):
    """A purpose definition that cannot be used (bad code, no Dutch text, bad validity)."""

    detail: str


class UnknownPurpose(
    ConsentError, slug="unknown-purpose", message="no purpose with code {code!r} in this catalogue"
):
    code: str


class NoPartyToAsk(
    ConsentError,
    slug="no-party-to-ask",
    message="pupil {pupil_id} has no one who may consent for this purpose",
):
    """Nobody may answer: no guardian with parental authority, and the pupil is too young."""

    pupil_id: UUID


class NotAParty(
    ConsentError, slug="not-a-party", message="{party_id} is not a party to this request"
):
    """The person is not one of the parties this request asks."""

    party_id: UUID


class NoAuthority(
    ConsentError,
    slug="no-authority",
    message="guardian {guardian_id} is not asked for this consent",
):
    """A known guardian who is not asked: only the right to information, or the pupil
    decides alone."""

    guardian_id: UUID


class InvalidEvidence(ConsentError, slug="invalid-evidence", message="{detail}"):
    """Evidence that contradicts itself or the request (channel, witness, text version)."""

    detail: str


class AlreadyAnswered(
    ConsentError, slug="already-answered", message="{party_id} already answered this request"
):
    party_id: UUID


class NothingToWithdraw(
    ConsentError,
    slug="nothing-to-withdraw",
    message="{party_id} has not agreed; there is nothing to withdraw",
):
    """Withdrawal by a party who has not agreed to an open request: refuse instead."""

    party_id: UUID


class RequestClosed(ConsentError, slug="request-closed", message="request {request_id} is {state}"):
    """The request no longer takes this action (refused, withdrawn, expired, cancelled)."""

    request_id: UUID
    state: str


class AnswerAfterWithdrawal(RequestClosed, slug="answer-after-withdrawal"): ...


class AlreadyWithdrawn(RequestClosed, slug="already-withdrawn"): ...


class RequestExpired(RequestClosed, slug="request-expired"):
    """The request's validity has ended; expiry wins over any later action."""


class RequestAlreadyOpen(
    ConsentError,
    slug="request-already-open",
    message="request {open_request_id} is still open for this pupil and purpose",
):
    """One open request per pupil and purpose."""

    open_request_id: UUID


class ConsentStillValid(
    ConsentError,
    slug="consent-still-valid",
    message="request {request_id} holds a valid consent for this purpose",
):
    """A valid consent exists for this pupil and purpose; ask again once it has ended."""

    request_id: UUID


class OutOfOrder(ConsentError, slug="out-of-order", message="{detail}"):
    """A moment before the request's last change: the record only moves forward in time."""

    detail: str


class InvalidSupportNeeds(ConsentError, slug="invalid-support-needs", message="{detail}"):
    detail: str


class SubjectRequired(
    ConsentError,
    slug="subject-required",
    message="purpose {purpose_code} is asked about one {kind}, by its owner",
):
    """The purpose asks consent for exact words (e.g. one OPP version's action part): the
    request comes from the service that owns them, naming the document."""

    purpose_code: str
    kind: str


class SubjectMismatch(ConsentError, slug="subject-mismatch", message="{detail}"):
    """A document that does not fit the purpose or the request (another kind or hash)."""

    detail: str


class DocumentNotShown(ConsentError, slug="document-not-shown", message="{detail}"):
    """An answer about a document whose words were not shown to this party first."""

    detail: str
