"""What a service's callers present, signed with the test's keys at the clock's now: staff
bearer headers, guardian link tokens and sessions, step-up proofs. Every harness that
serves a service mixes it in, so each service's tests mint them the same way."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import ClassVar
from uuid import UUID, uuid4

from joserfc.jwk import OKPKey

from samen_kit.access import GuardianItem, Role
from samen_kit.access.sessions import SESSION_TTL, GuardianSession, GuardianSessionCodec
from samen_kit.access.staff import DEFAULT_STAFF_TTL
from samen_kit.access.testing import step_up_cookie
from samen_kit.clock import Clock
from samen_kit.testing.keys import Keys, bearer, guardian_token, staff_token

STAFF_ISSUER = "urn:samen:test-idp"
SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-codec"


class Callers:
    """Mixed into a running service that has `keys` and a `clock`; `staff_issuer` is the
    issuer its settings trust."""

    keys: Keys
    clock: Clock
    staff_issuer: ClassVar[str] = STAFF_ISSUER

    def staff_token(
        self,
        tenant: str,
        role: Role = Role.IB,
        *,
        schools: Iterable[object] = (),
        boards: Iterable[object] = (),
        subject: object | None = None,
        key: OKPKey | None = None,
        ttl: timedelta = DEFAULT_STAFF_TTL,
    ) -> dict[str, str]:
        """Headers of a staff member's request (a new subject unless one is given; signed
        with another `key` to play a forger)."""
        token = staff_token(
            key or self.keys.staff,
            subject=subject,
            role=role,
            tenant=tenant,
            issuer=self.staff_issuer,
            now=self.clock.now(),
            schools=schools,
            boards=boards,
            ttl=ttl,
        )
        return bearer(token)

    # fmt: off
    def guardian_token(
        self, tenant: str, guardian_id: UUID, pupil_id: UUID, item: GuardianItem | None = None,
        *, key: OKPKey | None = None, now: datetime | None = None,
    ) -> str:
        # fmt: on
        """A guardian's link token for `item` (default: the pupil), minted now (or at
        `now`, for an old link)."""
        return guardian_token(
            key or self.keys.guardian,
            tenant,
            guardian_id,
            pupil_id,
            item,
            now=now or self.clock.now(),
        )

    def guardian_session(
        self, tenant: str, guardian_id: UUID, pupil_id: UUID, item: GuardianItem | None = None
    ) -> dict[str, str]:
        """The session cookie a guardian holds once a link of theirs started a session
        (the exchange itself has its own tests)."""
        codec = GuardianSessionCodec(SESSION_SECRET, secure=False, clock=self.clock)
        session = GuardianSession(
            guardian_id=guardian_id,
            pupil_id=pupil_id,
            item=item or GuardianItem.of("pupil", pupil_id),
            tenant=tenant,
            jti=uuid4().hex,
            expires_at=self.clock.now() + SESSION_TTL,
        )
        return {codec.cookie_name: codec.encode(session)}

    def step_up(self, tenant: str, guardian_id: UUID) -> dict[str, str]:
        """The cookies of a guardian who has just typed their step-up code (ADR 0012)."""
        return step_up_cookie(
            SESSION_SECRET, guardian_id=guardian_id, tenant=tenant, now=self.clock.now()
        )
