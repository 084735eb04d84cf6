"""What every use case needs, and who is acting."""

from dataclasses import dataclass
from uuid import UUID

from samen_kit.access import GuardianClaims, StaffPrincipal
from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


@dataclass(frozen=True)
class Deps:
    sessions: async_sessionmaker[AsyncSession]
    writer: EventWriter
    clock: Clock


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


Acting = StaffActing | GuardianActing
