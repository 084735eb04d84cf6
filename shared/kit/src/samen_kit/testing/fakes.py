"""In-memory stand-ins for a service's fake unit of work: the outbox and the roster.

Handler tests run use cases without PostgreSQL or Kafka; these fakes subclass or mirror
the real parts, so the rules a handler relies on (a deterministic event id is written
once, every lookup takes the tenant) hold here too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Collection, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar, Unpack
from uuid import UUID

from samen_contract import Event
from sqlalchemy import inspect

from samen_kit.outbox import Facts
from samen_kit.roster import PARENTAL_AUTHORITY, Pupil, Roster

E = TypeVar("E", bound=Event)
R = TypeVar("R")
U = TypeVar("U")


class FakeSession:
    """Rows in memory, by kind: what repositories `add`, and `get` by primary key. Queries
    are the fake repositories' own; nothing here runs SQL."""

    def __init__(self) -> None:
        self._rows: defaultdict[type, list[Any]] = defaultdict(list)

    def add(self, row: object) -> None:
        kept = self._rows[type(row)]
        if not any(r is row for r in kept):
            kept.append(row)

    def rows(self, kind: type[R]) -> list[R]:
        return list(self._rows[kind])

    async def get(self, kind: type[R], key: object) -> R | None:
        wanted = key if isinstance(key, tuple) else (key,)
        names = [column.key for column in inspect(kind).primary_key]
        found = (r for r in self._rows[kind] if tuple(getattr(r, n) for n in names) == wanted)
        return next(found, None)

    async def flush(self) -> None:
        pass  # nothing waits for a database to assign anything


@dataclass(frozen=True)
class Emitted:
    event: Event
    facts: Facts


@dataclass
class FakeOutbox:
    """What committed units of work emitted, in order. A unit of work collects its own
    events in `pending` and hands them over with `commit`; a rolled back one drops them."""

    emitted: list[Emitted] = field(default_factory=list)
    pending: list[Emitted] = field(default_factory=list)

    async def emit(self, event: Event, **facts: Unpack[Facts]) -> bool:
        """As `samen_kit.outbox.emit`: False when an event with this id is there."""
        event_id = facts.get("event_id")
        seen = [e.facts.get("event_id") for e in (*self.emitted, *self.pending)]
        if event_id is not None and event_id in seen:
            return False
        self.pending.append(Emitted(event, facts))
        return True

    def commit(self) -> None:
        self.emitted.extend(self.pending)
        self.pending.clear()

    def rollback(self) -> None:
        self.pending.clear()

    def events(self, kind: type[E]) -> list[E]:
        return [e.event for e in self.emitted if isinstance(e.event, kind)]


class FakeRoster(Roster):
    """The kit's roster projection in memory; tests `enrol` pupils with their guardians.
    Lookups no fake test needs yet are left to the real class (and fail: no database)."""

    def __init__(self) -> None:
        self._pupils: dict[tuple[str, UUID], Pupil] = {}
        self._guardians: dict[tuple[str, UUID], dict[UUID, str]] = {}

    def enrol(self, pupil: Pupil, guardians: Mapping[UUID, str]) -> None:
        self._pupils[pupil.tenant, pupil.pupil_id] = pupil
        self._guardians[pupil.tenant, pupil.pupil_id] = dict(guardians)

    async def pupil(self, tenant: str, pupil_id: UUID) -> Pupil | None:
        return self._pupils.get((tenant, pupil_id))

    async def tenant_elsewhere(self, tenant: str, pupil_id: UUID) -> str | None:
        others = sorted(t for t, p in self._pupils if p == pupil_id and t != tenant)
        return others[0] if others else None

    async def guardians(
        self, tenant: str, pupil_id: UUID, standings: Collection[str] | None = None
    ) -> dict[UUID, str]:
        found = self._guardians.get((tenant, pupil_id), {})
        return {g: s for g, s in sorted(found.items()) if standings is None or s in standings}

    async def standing(self, tenant: str, pupil_id: UUID, guardian_id: UUID) -> str | None:
        return self._guardians.get((tenant, pupil_id), {}).get(guardian_id)

    async def has_authority(self, tenant: str, pupil_id: UUID, guardian_id: UUID) -> bool:
        return await self.standing(tenant, pupil_id, guardian_id) == PARENTAL_AUTHORITY


@dataclass
class FakeStore:
    """A service's data for one test (its "database"): rows, the roster, the outbox.
    A service's own fake store adds its fake repositories that keep state elsewhere."""

    session: FakeSession = field(default_factory=FakeSession)
    roster: FakeRoster = field(default_factory=FakeRoster)
    outbox: FakeOutbox = field(default_factory=FakeOutbox)

    def rows(self, kind: type[R], key: str) -> dict[Any, R]:
        """The rows of `kind` by their attribute `key`."""
        return {getattr(r, key): r for r in self.session.rows(kind)}

    @asynccontextmanager
    async def transaction(self, uow: U) -> AsyncIterator[U]:
        """`uow` for one block: its events reach the outbox when the block ends, and
        none when it raises."""
        try:
            yield uow
        except BaseException:
            self.outbox.rollback()
            raise
        self.outbox.commit()


class EmitsToFakeOutbox:
    """Put before the service's unit of work: `emit` writes to the store's outbox."""

    store: FakeStore

    async def emit(self, event: Event, **facts: Unpack[Facts]) -> bool:
        return await self.store.outbox.emit(event, **facts)
