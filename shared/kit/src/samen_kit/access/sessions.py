"""The short guardian session: a signed cookie that a first action exchanges a token for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.responses import Response

from samen_kit.access.cookies import set_private_cookie
from samen_kit.access.guardian import GuardianClaims, GuardianItem
from samen_kit.access.refusals import AccessRefusedError, ProvenClaims, RefusalReason
from samen_kit.access.used_tokens import AbstractUsedTokenStore
from samen_kit.clock import Clock, SystemClock

SESSION_TTL = timedelta(hours=1)
COOKIE_NAME = "samen_guardian_session"
_SALT = "samen.guardian-session"
_MIN_SECRET_BYTES = 32


@dataclass(frozen=True)
class GuardianSession(GuardianClaims):
    """`expires_at` is the session's end, not the token's."""


class GuardianSessionCodec:
    def __init__(
        self,
        secret: str | bytes,
        *,
        ttl: timedelta = SESSION_TTL,
        clock: Clock | None = None,
        cookie_name: str = COOKIE_NAME,
        secure: bool = True,
        domain: str | None = None,
    ) -> None:
        if len(secret.encode() if isinstance(secret, str) else secret) < _MIN_SECRET_BYTES:
            raise ValueError(f"the session secret needs at least {_MIN_SECRET_BYTES} bytes")
        self._serializer = URLSafeSerializer(secret, salt=_SALT)
        self._ttl = ttl
        self._clock = clock or SystemClock()
        self.cookie_name = cookie_name
        self._secure = secure
        # Every parent page of every service reads the one session (ADR 0014).
        self._domain = domain

    def start(self, claims: GuardianClaims) -> GuardianSession:
        return GuardianSession(
            guardian_id=claims.guardian_id,
            pupil_id=claims.pupil_id,
            item=claims.item,
            tenant=claims.tenant,
            jti=claims.jti,
            expires_at=self._clock.now() + self._ttl,
        )

    def encode(self, session: GuardianSession) -> str:
        return self._serializer.dumps(_payload_of(session))

    def decode(self, value: str) -> GuardianSession:
        try:
            payload = self._serializer.loads(value)
            session = _session_of(payload)
        except (BadSignature, KeyError, TypeError, ValueError) as error:
            raise AccessRefusedError(RefusalReason.FORGED, from_session=True) from error
        if session.expires_at <= self._clock.now():
            proven = ProvenClaims(session.tenant, str(session.guardian_id), session.jti)
            raise AccessRefusedError(RefusalReason.EXPIRED, proven, from_session=True)
        return session

    def set_cookie_header(self, session: GuardianSession) -> bytes:
        """A whole `Set-Cookie` value, so it can go on any response the route returns."""
        carrier = Response()
        value = self.encode(session)
        set_private_cookie(carrier, self.cookie_name, value, self._ttl, self._domain, self._secure)
        return carrier.headers["set-cookie"].encode("latin-1")


async def start_session(
    claims: GuardianClaims, store: AbstractUsedTokenStore, codec: GuardianSessionCodec
) -> GuardianSession:
    """Use the token up and open its session; a used token opens none."""
    if not await store.use(claims.jti, claims.tenant, claims.expires_at):
        proven = ProvenClaims(claims.tenant, str(claims.guardian_id), claims.jti)
        raise AccessRefusedError(RefusalReason.REUSED, proven)
    return codec.start(claims)


def _payload_of(session: GuardianSession) -> dict[str, Any]:
    return {
        "g": str(session.guardian_id),
        "p": str(session.pupil_id),
        "i": session.item.claim,
        "t": session.tenant,
        "j": session.jti,
        "e": int(session.expires_at.timestamp()),
    }


def _session_of(payload: dict[str, Any]) -> GuardianSession:
    return GuardianSession(
        guardian_id=UUID(payload["g"]),
        pupil_id=UUID(payload["p"]),
        item=GuardianItem.parse(payload["i"]),
        tenant=str(payload["t"]),
        jti=str(payload["j"]),
        expires_at=datetime.fromtimestamp(payload["e"], UTC),
    )
