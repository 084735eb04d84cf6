"""Domain errors: one class per refused rule, so the service maps each to one problem.

`slug` names the RFC 9457 problem type; the HTTP status is the service's choice.
"""

from __future__ import annotations

from typing import ClassVar
from uuid import UUID


class ConsentError(Exception):
    """Base of every rule the consent domain refuses."""

    slug: ClassVar[str] = "consent-error"


class InvalidPurpose(ConsentError):
    """A purpose definition that cannot be used (bad code, no Dutch text, bad validity)."""

    slug = "invalid-purpose"


class UnknownPurpose(ConsentError):
    slug = "unknown-purpose"

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"no purpose with code {code!r} in this catalogue")


class NoPartyToAsk(ConsentError):
    """Nobody may answer: no guardian with parental authority, and the pupil is too young."""

    slug = "no-party-to-ask"

    def __init__(self, pupil_id: UUID) -> None:
        self.pupil_id = pupil_id
        super().__init__(f"pupil {pupil_id} has no one who may consent for this purpose")


class NotAParty(ConsentError):
    """The person is not one of the parties this request asks."""

    slug = "not-a-party"

    def __init__(self, party_id: UUID) -> None:
        self.party_id = party_id
        super().__init__(f"{party_id} is not a party to this request")


class NoAuthority(ConsentError):
    """A known guardian who is not asked: only the right to information, or the pupil
    decides alone."""

    slug = "no-authority"

    def __init__(self, guardian_id: UUID) -> None:
        self.guardian_id = guardian_id
        super().__init__(f"guardian {guardian_id} is not asked for this consent")


class InvalidEvidence(ConsentError):
    """Evidence that contradicts itself or the request (channel, witness, text version)."""

    slug = "invalid-evidence"


class AlreadyAnswered(ConsentError):
    slug = "already-answered"

    def __init__(self, party_id: UUID) -> None:
        self.party_id = party_id
        super().__init__(f"{party_id} already answered this request")


class NothingToWithdraw(ConsentError):
    """Withdrawal by a party who has not agreed to an open request: refuse instead."""

    slug = "nothing-to-withdraw"

    def __init__(self, party_id: UUID) -> None:
        self.party_id = party_id
        super().__init__(f"{party_id} has not agreed; there is nothing to withdraw")


class RequestClosed(ConsentError):
    """The request no longer takes this action (refused, withdrawn, expired, cancelled)."""

    slug = "request-closed"

    def __init__(self, request_id: UUID, state: str) -> None:
        self.request_id = request_id
        self.state = state
        super().__init__(f"request {request_id} is {state}")


class AnswerAfterWithdrawal(RequestClosed):
    slug = "answer-after-withdrawal"


class AlreadyWithdrawn(RequestClosed):
    slug = "already-withdrawn"


class RequestExpired(RequestClosed):
    """The request's validity has ended; expiry wins over any later action."""

    slug = "request-expired"


class RequestAlreadyOpen(ConsentError):
    """One open request per pupil and purpose."""

    slug = "request-already-open"

    def __init__(self, open_request_id: UUID) -> None:
        self.open_request_id = open_request_id
        super().__init__(f"request {open_request_id} is still open for this pupil and purpose")


class ConsentStillValid(ConsentError):
    """A valid consent exists for this pupil and purpose; ask again once it has ended."""

    slug = "consent-still-valid"

    def __init__(self, request_id: UUID) -> None:
        self.request_id = request_id
        super().__init__(f"request {request_id} holds a valid consent for this purpose")


class OutOfOrder(ConsentError):
    """A moment before the request's last change: the record only moves forward in time."""

    slug = "out-of-order"


class InvalidSupportNeeds(ConsentError):
    slug = "invalid-support-needs"


class SubjectRequired(ConsentError):
    """The purpose asks consent for exact words (e.g. one OPP version's action part): the
    request comes from the service that owns them, naming the document."""

    slug = "subject-required"

    def __init__(self, purpose_code: str, kind: str) -> None:
        self.purpose_code, self.kind = purpose_code, kind
        super().__init__(f"purpose {purpose_code} is asked about one {kind}, by its owner")


class SubjectMismatch(ConsentError):
    """A document that does not fit the purpose or the request (another kind or hash)."""

    slug = "subject-mismatch"


class DocumentNotShown(ConsentError):
    """An answer about a document whose words were not shown to this party first."""

    slug = "document-not-shown"
