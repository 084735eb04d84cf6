"""What every use case needs, and who is acting."""

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from uuid import UUID

from samen_kit.access import GuardianClaims, StaffPrincipal
from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_disputes.adapters.uow import UnitOfWork
from samen_disputes.domain import Actor, Role


@dataclass(frozen=True)
class Deps:
    sessions: async_sessionmaker[AsyncSession]
    writer: EventWriter
    clock: Clock

    def unit_of_work(self) -> AbstractAsyncContextManager[UnitOfWork]:
        """One transaction and its repositories (tests put a fake one in its place)."""
        return UnitOfWork.begin(self.sessions)


@dataclass(frozen=True)
class StaffActing:
    staff: StaffPrincipal

    @property
    def tenant(self) -> str:
        return self.staff.tenant

    @property
    def actor(self) -> Actor:
        return Actor(Role(self.staff.role.value), self.staff.subject)

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
    def actor(self) -> Actor:
        return Actor(Role.GUARDIAN, str(self.claims.guardian_id))

    @property
    def envelope_actor(self) -> str:
        return self.claims.actor


Acting = StaffActing | GuardianActing
