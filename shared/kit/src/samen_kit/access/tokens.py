"""Signing and verifying the JWTs both audiences use (Ed25519 only).

Verification order matters for what is recorded: first the key and the signature
(anything failing there is `forged` and proves nothing), then audience, issuer and
times on claims that are known to be authentic.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from joserfc import jws, jwt
from joserfc.errors import BadSignatureError, ClaimError, ExpiredTokenError, JoseError
from joserfc.jwk import Key, OKPKey
from joserfc.jwt import JWTClaimsRegistry

from samen_kit.access.jwks import JwksSource
from samen_kit.access.refusals import AccessRefusedError, ProvenClaims, RefusalReason
from samen_kit.access.roles import Audience

#: RFC 9864's name for EdDSA over Ed25519; "EdDSA" is what many providers still write.
SIGNING_ALGORITHM = "Ed25519"
ACCEPTED_ALGORITHMS = ("Ed25519", "EdDSA")
_ESSENTIAL = ("sub", "tenant", "iss", "exp", "iat", "jti")

Claims = dict[str, Any]


@dataclass(frozen=True)
class Expectation:
    audience: Audience
    issuer: str | None = None
    leeway_seconds: int = 30
    # A token may live at most this long (exp − iat, and exp − now): a leaked token
    # with a ten-year `exp` is refused, not honoured for ten years.
    max_lifetime: timedelta | None = None


def sign(key: OKPKey, claims: Mapping[str, Any]) -> str:
    header = {"alg": SIGNING_ALGORITHM, "typ": "JWT", "kid": key.kid}
    return jwt.encode(header, dict(claims), key, algorithms=[SIGNING_ALGORITHM])


async def verify(token: str, jwks: JwksSource, expect: Expectation, now: datetime) -> Claims:
    """The token's claims, or `AccessRefusedError` saying why not."""
    key = await _signing_key(token, jwks)
    claims = _authentic_claims(token, key)
    proven = proven_claims(claims)
    if not _names_audience(claims.get("aud"), expect.audience):
        raise AccessRefusedError(RefusalReason.WRONG_AUDIENCE, proven)
    if expect.issuer is not None and claims.get("iss") != expect.issuer:
        raise AccessRefusedError(RefusalReason.WRONG_ISSUER, proven)
    _check_times_and_presence(claims, expect, now, proven)
    _check_lifetime(claims, expect, now, proven)
    return claims


async def _signing_key(token: str, jwks: JwksSource) -> Key:
    try:
        header = jws.extract_compact(token.encode("ascii")).protected
    except (JoseError, ValueError, UnicodeError) as error:
        raise AccessRefusedError(RefusalReason.MALFORMED) from error
    kid = header.get("kid")
    if header.get("alg") not in ACCEPTED_ALGORITHMS or not isinstance(kid, str):
        raise AccessRefusedError(RefusalReason.FORGED)
    key = await jwks.find(kid)
    if not isinstance(key, OKPKey) or key.curve_name != "Ed25519":
        raise AccessRefusedError(RefusalReason.FORGED)
    return key


def _authentic_claims(token: str, key: Key) -> Claims:
    try:
        return dict(jwt.decode(token, key, algorithms=list(ACCEPTED_ALGORITHMS)).claims)
    except BadSignatureError as error:
        raise AccessRefusedError(RefusalReason.FORGED) from error
    except (JoseError, ValueError) as error:
        raise AccessRefusedError(RefusalReason.MALFORMED) from error


def proven_claims(claims: Claims) -> ProvenClaims:
    def text(name: str) -> str | None:
        value = claims.get(name)
        return value if isinstance(value, str) else None

    return ProvenClaims(tenant=text("tenant"), subject=text("sub"), jti=text("jti"))


def _names_audience(aud: object, audience: Audience) -> bool:
    """Ours, and not also the other one: a token for both audiences is for neither."""
    named = aud if isinstance(aud, list) else [aud]
    others = [other.value for other in Audience if other is not audience]
    return audience.value in named and not any(other in named for other in others)


def _check_times_and_presence(
    claims: Claims, expect: Expectation, now: datetime, proven: ProvenClaims
) -> None:
    registry = JWTClaimsRegistry(
        now=int(now.timestamp()),
        leeway=expect.leeway_seconds,
        **{name: {"essential": True} for name in _ESSENTIAL},  # type: ignore[arg-type]
    )
    try:
        registry.validate(claims)
    except ExpiredTokenError as error:
        raise AccessRefusedError(RefusalReason.EXPIRED, proven) from error
    except ClaimError as error:
        raise AccessRefusedError(RefusalReason.MALFORMED, proven) from error


def _check_lifetime(
    claims: Claims, expect: Expectation, now: datetime, proven: ProvenClaims
) -> None:
    if expect.max_lifetime is None:
        return
    exp, iat = claims["exp"], claims["iat"]
    if not isinstance(exp, int | float) or not isinstance(iat, int | float):
        raise AccessRefusedError(RefusalReason.MALFORMED, proven)
    longest = expect.max_lifetime.total_seconds() + expect.leeway_seconds
    if exp - iat > longest or exp - now.timestamp() > longest:
        raise AccessRefusedError(RefusalReason.TOO_LONG_LIVED, proven)


def unverified_jti(token: str) -> str | None:
    """Only to tell which session a token belongs to; never to grant anything."""
    try:
        claims = json.loads(jws.extract_compact(token.encode("ascii")).payload)
    except (JoseError, ValueError, UnicodeError):
        return None
    jti = claims.get("jti") if isinstance(claims, dict) else None
    return jti if isinstance(jti, str) else None
