"""What every use case needs, and who is acting."""

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

from samen_kit import acting as kit_acting
from samen_kit.context import Context

from samen_disputes.adapters.uow import UnitOfWork
from samen_disputes.domain import Actor, Role


@dataclass(frozen=True)
class Deps(Context):
    def unit_of_work(self) -> AbstractAsyncContextManager[UnitOfWork]:
        """One transaction and its repositories (tests put a fake one in its place)."""
        return UnitOfWork.begin(self.sessions)


@dataclass(frozen=True)
class StaffActing(kit_acting.StaffActing):
    @property
    def actor(self) -> Actor:
        return Actor(Role(self.staff.role.value), self.staff.subject)


@dataclass(frozen=True)
class GuardianActing(kit_acting.GuardianActing):
    @property
    def actor(self) -> Actor:
        return Actor(Role.GUARDIAN, str(self.claims.guardian_id))


Acting = StaffActing | GuardianActing
