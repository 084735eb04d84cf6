"""Staff tokens: who a staff member is, for which tenant, boards and schools."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from joserfc.jwk import OKPKey

from samen_kit.access import tokens
from samen_kit.access.jwks import JwksSource
from samen_kit.access.refusals import AccessRefusedError, RefusalReason
from samen_kit.access.roles import BOARD_WIDE_ROLES, TENANT_WIDE_ROLES, Audience, Role
from samen_kit.clock import Clock, SystemClock
from samen_kit.settings import STAFF_TOKEN_MAX_LIFETIME

DEFAULT_STAFF_TTL = timedelta(hours=8)


@dataclass(frozen=True)
class StaffPrincipal:
    subject: str
    role: Role
    tenant: str
    boards: frozenset[str] = frozenset()
    schools: frozenset[str] = frozenset()
    # The class groups a teacher teaches (e.g. "5a"); optional, empty when not given.
    groups: frozenset[str] = frozenset()

    @property
    def actor(self) -> str:
        """The envelope's `actor`: role and pseudonymous id, never a name."""
        return f"{self.role.value}:{self.subject}"

    @property
    def sees_whole_tenant(self) -> bool:
        return self.role in TENANT_WIDE_ROLES

    @property
    def sees_whole_boards(self) -> bool:
        return self.role in BOARD_WIDE_ROLES

    def covers_board(self, board_id: str | UUID) -> bool:
        if self.sees_whole_tenant:
            return True
        return self.sees_whole_boards and str(board_id) in self.boards

    def covers_school(self, school_id: str | UUID, board_id: str | UUID | None = None) -> bool:
        """Listed school, or (board admins) a listed board, or the whole tenant."""
        if self.sees_whole_tenant or str(school_id) in self.schools:
            return True
        return board_id is not None and self.covers_board(board_id)


def mint_staff_token(
    key: OKPKey,
    *,
    subject: str,
    role: Role,
    tenant: str,
    issuer: str,
    now: datetime,
    schools: Iterable[str] = (),
    boards: Iterable[str] = (),
    groups: Iterable[str] = (),
    ttl: timedelta = DEFAULT_STAFF_TTL,
) -> str:
    """For development and tests; in production the identity provider mints these."""
    claims = {
        "iss": issuer,
        "aud": Audience.STAFF.value,
        "sub": subject,
        "role": role.value,
        "tenant": tenant,
        "boards": sorted(boards),
        "schools": sorted(schools),
        **({"groups": sorted(groups)} if groups else {}),
        "iat": int(now.timestamp()),
        "exp": int((now + ttl).timestamp()),
        "jti": str(uuid4()),
    }
    return tokens.sign(key, claims)


class StaffTokenVerifier:
    def __init__(
        self,
        jwks: JwksSource,
        *,
        issuer: str,
        clock: Clock | None = None,
        max_lifetime: timedelta = STAFF_TOKEN_MAX_LIFETIME,
    ) -> None:
        """`issuer` is required: a staff token naming any other `iss` is refused."""
        self._jwks = jwks
        self._expect = tokens.Expectation(Audience.STAFF, issuer, max_lifetime=max_lifetime)
        self._clock = clock or SystemClock()

    async def verify(self, token: str) -> StaffPrincipal:
        claims = await tokens.verify(token, self._jwks, self._expect, self._clock.now())
        return _principal_from(claims)


def _principal_from(claims: tokens.Claims) -> StaffPrincipal:
    role, tenant = claims.get("role"), claims.get("tenant")
    boards, schools = claims.get("boards", []), claims.get("schools", [])
    groups = claims.get("groups", [])
    well_formed = isinstance(role, str) and role in _ROLE_VALUES and isinstance(tenant, str)
    lists = _strings(boards) and _strings(schools) and _strings(groups)
    if not (well_formed and tenant and lists):
        raise AccessRefusedError(RefusalReason.MALFORMED, tokens.proven_claims(claims))
    return StaffPrincipal(
        subject=str(claims["sub"]),
        role=Role(str(role)),
        tenant=str(tenant),
        boards=frozenset(boards),
        schools=frozenset(schools),
        groups=frozenset(groups),
    )


_ROLE_VALUES = frozenset(role.value for role in Role)


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
