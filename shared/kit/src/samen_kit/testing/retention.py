"""Helpers of the services' retention tests: a migrated database of their own, the
erasure facts a sweep wrote to the outbox, two sweeps run at once, rows to seed, and the
two moments every such test looks at (a sweep today, sweeps two years and a day on)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar, Self, TypeVar
from uuid import UUID, uuid4

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.clock import FakeClock
from samen_kit.db import create_engine, session_factory, unit_of_work
from samen_kit.retention.store import place_hold
from samen_kit.retention.sweep import Eraser, Retention, sweep
from samen_kit.testing.databases import scratch_database
from samen_kit.testing.schema import upgrade_to

Sessions = async_sessionmaker[AsyncSession]
T = TypeVar("T")

# Past the two years most personal data is kept after its reason ended (a leap year too).
TWO_YEARS_ON = timedelta(days=731)


@dataclass
class RetentionWorld:
    """One pupil of one tenant in a service's migrated database, and the clock its sweeps
    read. A service's test subclasses it, naming the service and its erasers."""

    service: ClassVar[str]
    erasers: ClassVar[tuple[Eraser, ...]]

    sessions: Sessions
    clock: FakeClock
    tenant: str
    pupil: UUID

    @classmethod
    @contextlib.asynccontextmanager
    async def of_a_leaver(
        cls, server_url: str, migrations: Path, left_on: date
    ) -> AsyncIterator[tuple[Self, UUID]]:
        """A world in a migrated database of its own, its clock on 1 September 2026, whose
        pupil left their school on `left_on`: (world, school)."""
        async with migrated(server_url, f"{cls.service}_retention", migrations) as sessions:
            world = cls(sessions, FakeClock(datetime(2026, 9, 1, tzinfo=UTC)), "swv-r", uuid4())
            school = uuid4()
            await pupil_left(sessions, world.tenant, world.pupil, school, left_on)
            yield world, school

    @classmethod
    def fixture(
        cls, migrations: Path, left_on: date, seed: Callable[[Any, UUID], Awaitable[None]]
    ) -> Any:
        """The pytest fixture `world` of a service's retention test: a world `of_a_leaver`
        in which `seed(world, school)` has stored the pupil's data."""

        @pytest.fixture
        async def world(postgres_server_url: str) -> AsyncIterator[RetentionWorld]:
            async with cls.of_a_leaver(postgres_server_url, migrations, left_on) as (
                world,
                school,
            ):
                await seed(world, school)
                yield world

        return world

    @property
    def retention(self) -> Retention:
        return Retention(self.service, self.sessions, self.clock, self.erasers)

    async def add(self, *rows: object) -> None:
        """Rows in one transaction, each flushed before the next (the later ones may
        point at the earlier)."""
        async with unit_of_work(self.sessions) as session:
            for row in rows:
                session.add(row)
                await session.flush()

    async def erased(self, *fields: str) -> list[tuple[Any, ...]]:
        """`fields` of each `PersonalDataErased` fact written for the world's tenant."""
        facts = await erasure_facts(self.sessions, self.tenant)
        return [tuple(fact[name] for name in fields) for fact in facts]

    async def hold(self, hold_id: str, on: date) -> None:
        """A legal hold on the pupil from `on`."""
        async with unit_of_work(self.sessions) as session:
            await place_hold(session, self.tenant, self.pupil, hold_id, on)

    async def swept_today_and_two_years_on(self, stored: Callable[[], Awaitable[T]]) -> tuple[T, T]:
        """What `stored` reads after a sweep today, and after two sweeps at once and one
        more two years and a day on (the data goes once, however many sweeps run)."""
        await sweep(self.retention)
        today = await stored()
        self.clock.advance(TWO_YEARS_ON)
        await two_sweeps_at_once(self.retention)
        await sweep(self.retention)
        return today, await stored()

    async def swept_two_years_on_under_a_hold(self, hold_id: str, on: date) -> None:
        """A legal hold from `on`, then a sweep two years and a day on."""
        await self.hold(hold_id, on)
        self.clock.advance(TWO_YEARS_ON)
        await sweep(self.retention)


@contextlib.asynccontextmanager
async def migrated(server_url: str, label: str, migrations: Path) -> AsyncIterator[Sessions]:
    """Sessions on a database of its own, migrated to the service's heads."""
    async with scratch_database(server_url, label) as url:
        await upgrade_to(url, migrations)
        engine = create_engine(url)
        try:
            yield session_factory(engine)
        finally:
            await engine.dispose()


async def run(sessions: Sessions, statement: str, **params: Any) -> list[Any]:
    """One statement in a transaction of its own; its rows, if any."""
    async with unit_of_work(sessions) as session:
        result = await session.execute(text(statement), params)
        return list(result.all()) if result.returns_rows else []  # type: ignore[attr-defined]


async def pupil_left(
    sessions: Sessions, tenant: str, pupil: UUID, school: UUID, left_on: date
) -> None:
    """The roster projection as `PupilLeft` leaves it."""
    await run(
        sessions,
        "INSERT INTO roster_pupil (tenant, pupil_id, school_id, enrolled_on, left_on)"
        " VALUES (:t, :p, :s, :e, :l)",
        t=tenant, p=pupil, s=school, e=date(left_on.year - 4, 8, 1), l=left_on,
    )  # fmt: skip


async def erasure_facts(sessions: Sessions, tenant: str) -> list[dict[str, Any]]:
    """The `PersonalDataErased` facts written to the outbox for `tenant`, oldest first."""
    rows = await run(sessions, "SELECT headers, value FROM outbox ORDER BY id")
    facts = []
    for headers, value in rows:
        named = dict(headers)
        if named.get("ce_tenant") == tenant and "PersonalDataErased" in named["ce_type"]:
            facts.append(json.loads(bytes(value)))
    return facts


async def two_sweeps_at_once(retention: Retention) -> None:
    await asyncio.gather(sweep(retention), sweep(retention))
