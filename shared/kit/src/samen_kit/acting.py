"""Who is acting in a use case: a staff member with a bearer token, or a guardian through
a link or session. Handlers read the tenant and the envelope's actor alike from either."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from samen_kit.access import GuardianClaims, StaffPrincipal


@dataclass(frozen=True)
class StaffActing:
    staff: StaffPrincipal

    @property
    def tenant(self) -> str:
        return self.staff.tenant

    @property
    def envelope_actor(self) -> str:
        return self.staff.actor


@dataclass(frozen=True)
class GuardianActing:
    """A guardian through a link or session: bound to one tenant, pupil and item."""

    claims: GuardianClaims

    @property
    def tenant(self) -> str:
        return self.claims.tenant

    @property
    def guardian_id(self) -> UUID:
        return self.claims.guardian_id

    @property
    def envelope_actor(self) -> str:
        return self.claims.actor
