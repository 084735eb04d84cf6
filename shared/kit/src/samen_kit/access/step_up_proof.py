"""The proof of a step-up: a short signed cookie, set where the code was typed and
honoured by every service's parent pages (ADR 0012).

Parent pages are on one host (ports do not isolate cookies) and every service already
shares the guardian session secret, so the notifications service sets this cookie and
the owning service reads it; nothing goes over the bus. It proves one guardian confirmed
who they are a moment ago (from whichever item asked first), so within its lifetime it
counts for every item of theirs on every service: one code, not one per page (ADR 0014).
It grants nothing on its own: the guardian session and the owner's own checks still do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import Request
from starlette.responses import Response

from samen_kit.access.cookies import set_private_cookie
from samen_kit.access.guardian import GuardianClaims, GuardianItem

PROOF_COOKIE = "samen_guardian_step_up"
PROOF_TTL = timedelta(minutes=15)
_SALT = "samen.guardian-step-up"


@dataclass(frozen=True)
class StepUpProof:
    guardian_id: UUID
    item: GuardianItem  # the item the code was asked for: kept, not checked
    tenant: str
    expires_at: datetime

    def covers(self, claims: GuardianClaims, now: datetime) -> bool:
        """The same guardian in the same tenant, still within the proof's lifetime."""
        return (
            self.guardian_id == claims.guardian_id
            and self.tenant == claims.tenant
            and now < self.expires_at
        )


class StepUpProofCodec:
    def __init__(
        self,
        secret: str | bytes,
        *,
        ttl: timedelta = PROOF_TTL,
        secure: bool = True,
        domain: str | None = None,
    ):
        self._serializer = URLSafeSerializer(secret, salt=_SALT)
        self._ttl = ttl
        self._secure = secure
        self._domain = domain

    @property
    def ttl(self) -> timedelta:
        return self._ttl

    def issue(self, claims: GuardianClaims, now: datetime) -> StepUpProof:
        return StepUpProof(claims.guardian_id, claims.item, claims.tenant, now + self._ttl)

    def set_on(self, response: Response, proof: StepUpProof) -> None:
        value = self._serializer.dumps(_payload_of(proof))
        set_private_cookie(response, PROOF_COOKIE, value, self._ttl, self._domain, self._secure)

    def read(self, request: Request) -> StepUpProof | None:
        """The request's proof; a forged or unreadable one is no proof at all."""
        value = request.cookies.get(PROOF_COOKIE)
        if not value:
            return None
        try:
            return _proof_of(self._serializer.loads(value))
        except (BadSignature, KeyError, TypeError, ValueError):
            return None

    def is_confirmed(self, request: Request, claims: GuardianClaims, now: datetime) -> bool:
        proof = self.read(request)
        return proof is not None and proof.covers(claims, now)


def forwarded_proof(request: Request) -> dict[str, str]:
    """The guardian's proof as a `Cookie` header (or none), for a call one service makes
    to another for this guardian (the consent page fetching an OPP's words): the owner
    checks it as on its own pages, and it is no proof without the guardian's token."""
    value = request.cookies.get(PROOF_COOKIE)
    return {"Cookie": f"{PROOF_COOKIE}={value}"} if value else {}


def _payload_of(proof: StepUpProof) -> dict[str, Any]:
    return {
        "g": str(proof.guardian_id),
        "i": proof.item.claim,
        "t": proof.tenant,
        "e": int(proof.expires_at.timestamp()),
    }


def _proof_of(payload: dict[str, Any]) -> StepUpProof:
    return StepUpProof(
        guardian_id=UUID(payload["g"]),
        item=GuardianItem.parse(payload["i"]),
        tenant=str(payload["t"]),
        expires_at=datetime.fromtimestamp(payload["e"], UTC),
    )
