"""What every use case needs: the database, the outbox writer and the clock."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from samen_contract import pseudonymous_id
from samen_kit import context
from samen_kit.access import StaffPrincipal
from samen_kit.outbox import Facts

from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.local_time import local_date


@dataclass(frozen=True)
class Context(context.Context):
    def unit_of_work(self) -> AbstractAsyncContextManager[UnitOfWork]:
        """One transaction and its repositories (tests put a fake one in its place)."""
        return UnitOfWork.begin(self.sessions)

    def today(self) -> date:
        return local_date(self.clock.now())


@dataclass(frozen=True)
class Cause:
    """Who caused the events of a use case, and (for consumed events) what did."""

    actor: str
    correlationid: str | None = None
    causationid: str | None = None


class AboutPupil(Protocol):
    """A row about one pupil: its events are keyed by the pupil, stamped with the school."""

    @property
    def tenant(self) -> str: ...
    @property
    def pupil_id(self) -> UUID: ...
    @property
    def school_id(self) -> UUID: ...


def facts(about: AboutPupil, cause: Cause, at: datetime, event_id: UUID | None = None) -> Facts:
    """The envelope facts of an event about one pupil's row (a sweep passes its
    deterministic `event_id`)."""
    return Facts(
        tenant=about.tenant,
        subject=str(about.pupil_id),
        actor=cause.actor,
        school=str(about.school_id),
        correlationid=cause.correlationid,
        causationid=cause.causationid,
        event_id=event_id,
        time=at,
    )


def staff_person_id(staff: StaffPrincipal) -> UUID:
    """The staff member's person id: the token's subject when it is a UUID, else one
    derived from it (stable, pseudonymous)."""
    try:
        return UUID(staff.subject)
    except ValueError:
        return pseudonymous_id("staff", staff.tenant, staff.subject)
