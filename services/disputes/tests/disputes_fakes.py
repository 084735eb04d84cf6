"""A fake unit of work for the disputes handlers: the same repositories, in memory.

Each fake subclasses its SQL repository over the kit's `FakeSession`: adding rows and
getting them by key stay the real code; the queries are filters over the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from samen_disputes.adapters.config import SqlTenantConfigs
from samen_disputes.adapters.disputes import SqlDisputes
from samen_disputes.adapters.due import SqlDueLog
from samen_disputes.adapters.opps import SqlOpps
from samen_disputes.adapters.school_kinds import SqlSchoolKinds
from samen_disputes.adapters.state_rows import TenantConfig
from samen_disputes.adapters.tables import DisputeRow, MoveRow, NoteRow, OppRow
from samen_disputes.adapters.uow import UnitOfWork
from samen_disputes.domain import SchoolKind
from samen_disputes.handlers.context import Deps
from samen_kit.access import StaffPrincipal
from samen_kit.clock import FakeClock
from samen_kit.tenancy import visible
from samen_kit.testing.fakes import EmitsToFakeOutbox
from samen_kit.testing.fakes import FakeStore as KitFakeStore


class FakeDisputes(SqlDisputes):
    def _all(self) -> list[DisputeRow]:
        return sorted(self._session.rows(DisputeRow), key=lambda r: r.opened_at)  # type: ignore[attr-defined]

    async def in_tenant(
        self, tenant: str, dispute_id: UUID, *, lock: bool = False
    ) -> DisputeRow | None:
        row = await self.anywhere(dispute_id)
        return row if row is not None and row.tenant == tenant else None

    async def locked_by_id(self, dispute_id: UUID) -> DisputeRow | None:
        return await self.anywhere(dispute_id)

    async def visible_to(
        self, staff: StaffPrincipal, dispute_id: UUID, *, lock: bool = False
    ) -> DisputeRow | None:
        row = await self.anywhere(dispute_id)
        return row if row is not None and _seen_by(staff, row) else None

    async def list_visible(self, staff: StaffPrincipal, *, open_only: bool) -> list[DisputeRow]:
        seen = [r for r in self._all() if _seen_by(staff, r)]
        return [r for r in seen if not open_only or r.ending is None]

    async def of_pupil(self, tenant: str, pupil_id: UUID) -> list[DisputeRow]:
        mine = [r for r in self._all() if (r.tenant, r.pupil_id) == (tenant, pupil_id)]
        return mine[::-1]

    async def all_open(self) -> list[DisputeRow]:
        return [r for r in self._all() if r.ending is None]

    async def moves(self, dispute_id: UUID) -> Sequence[MoveRow]:
        rows = self._session.rows(MoveRow)  # type: ignore[attr-defined]
        return sorted((m for m in rows if m.dispute_id == dispute_id), key=lambda m: m.at)

    async def notes(self, dispute_id: UUID) -> Sequence[NoteRow]:
        rows = self._session.rows(NoteRow)  # type: ignore[attr-defined]
        return sorted((n for n in rows if n.dispute_id == dispute_id), key=lambda n: n.at)


def _seen_by(staff: StaffPrincipal, row: DisputeRow) -> bool:
    return visible(staff, tenant=row.tenant, school_id=row.school_id, board_id=row.board_id)


class FakeTenantConfigs(SqlTenantConfigs):
    def __init__(self) -> None:
        self._configs: dict[str, TenantConfig] = {}

    async def of(self, tenant: str) -> TenantConfig:
        return self._configs.get(tenant) or TenantConfig.of(None)

    async def of_tenants(self, tenants: Iterable[str]) -> dict[str, TenantConfig]:
        return {tenant: await self.of(tenant) for tenant in sorted(set(tenants))}

    async def save(self, tenant: str, config: TenantConfig, at: datetime) -> None:
        self._configs[tenant] = config


class FakeSchoolKinds(SqlSchoolKinds):
    """The kinds set so far; a school without one counts as public, as in the table."""

    def __init__(self) -> None:
        self._kinds: dict[tuple[str, UUID], SchoolKind] = {}

    async def of_schools(
        self, schools: Iterable[tuple[str, UUID]]
    ) -> dict[tuple[str, UUID], SchoolKind]:
        return {key: self._kinds.get(key, SchoolKind.PUBLIC) for key in set(schools)}

    async def save(self, tenant: str, school_id: UUID, kind: SchoolKind, at: datetime) -> None:
        self._kinds[(tenant, school_id)] = kind


class FakeOpps(SqlOpps):
    async def record(self, opp: OppRow) -> None:
        self._session.add(opp)

    async def latest(self, tenant: str, pupil_id: UUID) -> OppRow | None:
        rows = self._session.rows(OppRow)  # type: ignore[attr-defined]
        mine = [o for o in rows if (o.tenant, o.pupil_id) == (tenant, pupil_id)]
        return max(mine, key=lambda o: (o.started_on, o.action_part_version), default=None)


class FakeDueLog(SqlDueLog):
    def __init__(self) -> None:
        self._keys: dict[str, UUID] = {}

    async def keys_for(self, dispute_ids: Iterable[UUID]) -> set[str]:
        wanted = set(dispute_ids)
        return {key for key, dispute_id in self._keys.items() if dispute_id in wanted}

    async def record(self, key: str, dispute_id: UUID, event_id: UUID, at: datetime) -> None:
        self._keys.setdefault(key, dispute_id)


@dataclass
class FakeStore(KitFakeStore):
    configs: FakeTenantConfigs = field(default_factory=FakeTenantConfigs)
    due_log: FakeDueLog = field(default_factory=FakeDueLog)
    school_kinds: FakeSchoolKinds = field(default_factory=FakeSchoolKinds)


class FakeUnitOfWork(EmitsToFakeOutbox, UnitOfWork):
    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.session = store.session  # type: ignore[assignment]
        self.disputes = FakeDisputes(self.session)
        self.configs = store.configs
        self.opps = FakeOpps(self.session)
        self.due_log = store.due_log
        self.roster = store.roster
        self.school_kinds = store.school_kinds


@dataclass(frozen=True)
class FakeDeps(Deps):
    """The handlers' dependencies with the fake unit of work in place of PostgreSQL's."""

    store: FakeStore = field(default_factory=FakeStore)

    def unit_of_work(self) -> AbstractAsyncContextManager[UnitOfWork]:
        return self.store.transaction(FakeUnitOfWork(self.store))


def fake_deps(now: datetime) -> FakeDeps:
    return FakeDeps(sessions=None, writer=None, clock=FakeClock(now))  # type: ignore[arg-type]


def dispute_rows(store: FakeStore) -> dict[UUID, Any]:
    return store.rows(DisputeRow, "id")
