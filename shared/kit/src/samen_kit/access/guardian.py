"""Guardian tokens: a link for one guardian, one pupil and one item.

The notifications service mints them with a key that signs nothing else; the owning
service verifies them with that key's public half (a JWKS of its own, apart from the
identity provider's), and still checks the guardian's standing in its own data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from joserfc.jwk import OKPKey

from samen_kit.access import tokens
from samen_kit.access.jwks import JwksSource
from samen_kit.access.refusals import AccessRefusedError, RefusalReason
from samen_kit.access.roles import Audience
from samen_kit.clock import Clock, SystemClock
from samen_kit.settings import GUARDIAN_TOKEN_MAX_LIFETIME

DEFAULT_GUARDIAN_TTL = timedelta(days=14)
GUARDIAN_ISSUER = "urn:samen:notifications"
PUPIL_ITEM = "pupil"


@dataclass(frozen=True)
class GuardianItem:
    """What the link opens: `consent_request:<id>`, or `pupil:<id>` to open a dispute."""

    kind: str
    id: str

    def __post_init__(self) -> None:
        if not self.kind or ":" in self.kind or not self.id:
            raise ValueError("an item is a kind without ':' and a non-empty id")

    @classmethod
    def of(cls, kind: str, item_id: str | UUID) -> GuardianItem:
        return cls(kind, str(item_id))

    @classmethod
    def parse(cls, claim: str) -> GuardianItem:
        kind, _, item_id = claim.partition(":")
        return cls(kind, item_id)

    @property
    def claim(self) -> str:
        return f"{self.kind}:{self.id}"

    def is_(self, kind: str, item_id: str | UUID) -> bool:
        return self.kind == kind and self.id == str(item_id)


@dataclass(frozen=True)
class GuardianClaims:
    """Who acts on what; shared by the token (`GuardianGrant`) and the session."""

    guardian_id: UUID
    pupil_id: UUID
    item: GuardianItem
    tenant: str
    jti: str
    expires_at: datetime

    @property
    def actor(self) -> str:
        return f"guardian:{self.guardian_id}"


@dataclass(frozen=True)
class GuardianGrant(GuardianClaims):
    """A verified guardian token; verifying never uses it up."""


def mint_guardian_token(
    key: OKPKey,
    *,
    guardian_id: UUID,
    pupil_id: UUID,
    item: GuardianItem,
    tenant: str,
    now: datetime,
    ttl: timedelta = DEFAULT_GUARDIAN_TTL,
    issuer: str = GUARDIAN_ISSUER,
) -> str:
    claims = {
        "iss": issuer,
        "aud": Audience.GUARDIAN.value,
        "sub": str(guardian_id),
        "pupil": str(pupil_id),
        "item": item.claim,
        "tenant": tenant,
        "iat": int(now.timestamp()),
        "exp": int((now + ttl).timestamp()),
        "jti": str(uuid4()),
    }
    return tokens.sign(key, claims)


class GuardianTokenVerifier:
    def __init__(
        self,
        jwks: JwksSource,
        *,
        issuer: str = GUARDIAN_ISSUER,
        clock: Clock | None = None,
        max_lifetime: timedelta = GUARDIAN_TOKEN_MAX_LIFETIME,
    ) -> None:
        self._jwks = jwks
        self._expect = tokens.Expectation(Audience.GUARDIAN, issuer, max_lifetime=max_lifetime)
        self._clock = clock or SystemClock()

    async def verify(self, token: str) -> GuardianGrant:
        claims = await tokens.verify(token, self._jwks, self._expect, self._clock.now())
        try:
            return _grant_from(claims)
        except (KeyError, TypeError, ValueError) as error:
            proven = tokens.proven_claims(claims)
            raise AccessRefusedError(RefusalReason.MALFORMED, proven) from error


def _grant_from(claims: tokens.Claims) -> GuardianGrant:
    tenant = claims["tenant"]
    if not isinstance(tenant, str) or not tenant:
        raise ValueError("tenant")
    return GuardianGrant(
        guardian_id=UUID(claims["sub"]),
        pupil_id=UUID(claims["pupil"]),
        item=GuardianItem.parse(claims["item"]),
        tenant=tenant,
        jti=str(claims["jti"]),
        expires_at=datetime.fromtimestamp(claims["exp"], UTC),
    )
