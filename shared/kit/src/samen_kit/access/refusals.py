"""Refused access attempts: the errors they raise and the hook that records them.

Every refusal raises a `Problem` (401 or 403) with a `reason` member, and is first
handed to the service's `RefusalRecorder`, which records `AccessRefused` for the audit
trail. Tenant, subject and token id are filled in only once the signature is proven,
so a forged token cannot plant them in the trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from samen_kit.access.roles import Audience
from samen_kit.problems import Forbidden, Problem, Unauthorized


class RefusalReason(StrEnum):
    MISSING = "missing"
    MALFORMED = "malformed"
    FORGED = "forged"
    EXPIRED = "expired"
    TOO_LONG_LIVED = "too_long_lived"  # exp lies further ahead than the longest lifetime
    WRONG_AUDIENCE = "wrong_audience"
    WRONG_ISSUER = "wrong_issuer"
    REUSED = "reused"
    NOT_PERMITTED = "not_permitted"


#: Reasons where the caller is known but may not do this: 403; all others are 401.
FORBIDDING_REASONS = frozenset({RefusalReason.REUSED, RefusalReason.NOT_PERMITTED})


@dataclass(frozen=True)
class ProvenClaims:
    """What a refused token proved about itself (its signature was valid)."""

    tenant: str | None = None
    subject: str | None = None
    jti: str | None = None


class AccessRefusedError(Exception):
    """Raised by verifiers; the FastAPI dependencies turn it into a problem response."""

    def __init__(
        self,
        reason: RefusalReason,
        proven: ProvenClaims | None = None,
        *,
        from_session: bool = False,
    ) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.proven = proven or ProvenClaims()
        # The guardian session cookie was refused (not a token): recorded as a session.
        self.from_session = from_session


class CredentialsRefused(Unauthorized):
    slug = "credentials-refused"


class ActionRefused(Forbidden):
    slug = "access-refused"
    title = "Dit mag u hier niet doen"


def refusal_problem(reason: RefusalReason, audience: Audience) -> Problem:
    extra = {"reason": reason.value}
    if reason in FORBIDDING_REASONS:
        return ActionRefused(extra=extra)
    if audience is Audience.GUARDIAN:
        return CredentialsRefused(extra=extra)
    challenge = "Bearer" if reason is RefusalReason.MISSING else 'Bearer error="invalid_token"'
    return CredentialsRefused(extra=extra, headers={"WWW-Authenticate": challenge})


@dataclass(frozen=True)
class Refusal:
    """One refused attempt, as handed to the recorder. Never holds the token itself."""

    reason: RefusalReason
    audience: Audience
    at: datetime
    path: str
    proven: ProvenClaims
    method: str = "GET"
    route: str | None = None  # the route template (`/requests/{request_id}`), not the path
    from_session: bool = False  # the guardian session cookie was what was refused
    # What this request had already proven (`staff_token`, `guardian_token`,
    # `guardian_session`) when a later check refused it (a role, an item); else None.
    accepted: str | None = None


class RefusalRecorder(Protocol):
    async def __call__(self, refusal: Refusal, /) -> None: ...


async def ignore_refusal(refusal: Refusal, /) -> None:
    """The default recorder, for services that do not audit (and for tests)."""
