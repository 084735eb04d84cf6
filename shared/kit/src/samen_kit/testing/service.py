"""A service under test: its settings around the test's infrastructure and keys, and the
running service over real HTTP, with tokens for its callers and a look into its database."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import httpx
import pytest
from fastapi import FastAPI
from samen_contract.topics import events_topic
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.clock import FakeClock
from samen_kit.service import ServiceRuntime
from samen_kit.settings import ServiceSettings
from samen_kit.testing.callers import SESSION_SECRET, STAFF_ISSUER, Callers
from samen_kit.testing.keys import Keys
from samen_kit.testing.schema import upgrade_to
from samen_kit.testing.server import serve
from samen_kit.testing.tap import EventTap

S = TypeVar("S", bound=ServiceSettings)


class Built(Protocol):
    """What a service's composition root returns: its app and its runtime."""

    @property
    def app(self) -> FastAPI: ...
    @property
    def runtime(self) -> ServiceRuntime: ...


B = TypeVar("B", bound=Built)


def service_settings(
    cls: type[S],
    *,
    database_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    keys_folder: Path,
    keys: Keys,
    **overrides: Any,
) -> S:
    """`cls` with the test's database, broker, prefix and keys; short polls and backoff,
    so that a test waits milliseconds, not seconds."""
    staff_jwks, guardian_jwks = keys.write(keys_folder)
    values: dict[str, Any] = {
        "database_url": database_url,
        "kafka_bootstrap": kafka_bootstrap,
        "topic_prefix": topic_prefix,
        "staff_jwks": str(staff_jwks),
        "guardian_jwks": str(guardian_jwks),
        "staff_issuer": STAFF_ISSUER,
        "session_secret": SESSION_SECRET,
        "cookie_secure": False,
        "outbox_poll_ms": 100,
        "consumer_backoff_ms": 20,
        **overrides,
    }
    return cls(**values)


@dataclass
class RunningService(Callers, Generic[B]):
    """A service serving on `base_url`, its clock, the keys its callers sign with and its
    database."""

    service: B
    base_url: str
    clock: FakeClock
    keys: Keys
    sessions: async_sessionmaker[AsyncSession]

    async def sql(self, statement: str, **params: Any) -> list[Any]:
        async with self.sessions() as session:
            return list((await session.execute(text(statement), params)).all())

    async def outbox_drained(self) -> bool:
        rows = await self.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL")
        return bool(rows[0][0] == 0)


@contextlib.asynccontextmanager
async def running_service(
    service: B, migrations: Path, keys: Keys, clock: FakeClock
) -> AsyncIterator[RunningService[B]]:
    """Migrate the service's database, then serve it over real HTTP for the block."""
    await upgrade_to(service.runtime.settings.database_url, migrations)
    async with serve(service.app) as base_url:
        yield RunningService(service, base_url, clock, keys, service.runtime.sessions)


@dataclass(frozen=True)
class ServiceUnderTest(Generic[S, B]):
    """A service's integration tests, declared: its name, settings class, composition root
    (`build(settings, clock=clock)`), migrations, the settings its tests change by default
    and the day its clock starts. Settings, the running service and the session fixtures
    follow from it, the same for every service."""

    name: str
    settings_cls: type[S]
    build: Callable[..., B]
    migrations: Path
    defaults: Mapping[str, Any] = field(default_factory=dict)
    start: datetime | None = None

    def settings(
        self,
        *,
        database_url: str,
        kafka_bootstrap: str,
        topic_prefix: str,
        keys_folder: Path,
        keys: Keys,
        **overrides: Any,
    ) -> S:
        return service_settings(
            self.settings_cls,
            database_url=database_url,
            kafka_bootstrap=kafka_bootstrap,
            topic_prefix=topic_prefix,
            keys_folder=keys_folder,
            keys=keys,
            **{**self.defaults, **overrides},
        )

    def running(
        self, settings: S, keys: Keys, clock: FakeClock
    ) -> contextlib.AbstractAsyncContextManager[RunningService[B]]:
        return running_service(self.build(settings, clock=clock), self.migrations, keys, clock)

    def fixtures(self) -> dict[str, Any]:
        """`<name>_database` (one per session; tests keep apart by tenant), `<name>_keys`,
        `<name>_settings_for(database_url, **overrides)`, `<name>`, the running service,
        `<name>_tap`, everything on its events topic since it started, and `client`, an
        HTTP client on the running service for one test. In the service's conftest:
        `globals().update(SERVICE.fixtures())`."""
        name = self.name

        @pytest.fixture(scope="session", name=f"{name}_database")
        def database(make_session_database: Callable[[str], str]) -> str:
            return make_session_database(name)

        @pytest.fixture(scope="session", name=f"{name}_keys")
        def keys() -> Keys:
            return Keys()

        @pytest.fixture(scope="session", name=f"{name}_settings_for")
        def settings_for(
            request: pytest.FixtureRequest,
            kafka_bootstrap: str,
            topic_prefix: str,
            tmp_path_factory: pytest.TempPathFactory,
        ) -> Callable[..., S]:
            service_keys: Keys = request.getfixturevalue(f"{name}_keys")

            def make(database_url: str, **overrides: Any) -> S:
                return self.settings(
                    database_url=database_url,
                    kafka_bootstrap=kafka_bootstrap,
                    topic_prefix=topic_prefix,
                    keys_folder=tmp_path_factory.mktemp("keys"),
                    keys=service_keys,
                    **overrides,
                )

            return make

        @pytest.fixture(scope="session", name=name)
        async def running(request: pytest.FixtureRequest) -> AsyncIterator[RunningService[B]]:
            settings_for = request.getfixturevalue(f"{name}_settings_for")
            service_keys = request.getfixturevalue(f"{name}_keys")
            settings = settings_for(request.getfixturevalue(f"{name}_database"))
            clock = FakeClock(self.start) if self.start else FakeClock()
            async with self.running(settings, service_keys, clock) as run:
                yield run

        @pytest.fixture(scope="session", name=f"{name}_tap")
        async def tap(
            request: pytest.FixtureRequest, kafka_bootstrap: str, topic_prefix: str
        ) -> AsyncIterator[EventTap]:
            request.getfixturevalue(name)  # the service made its topics
            async with EventTap(kafka_bootstrap, topic_prefix + events_topic(name)) as seen:
                yield seen

        @pytest.fixture(name="client")
        async def client(request: pytest.FixtureRequest) -> AsyncIterator[httpx.AsyncClient]:
            run: RunningService[B] = request.getfixturevalue(name)
            async with httpx.AsyncClient(base_url=run.base_url) as http:
                yield http

        return {
            f"_{name}_client": client,
            f"_{name}_database": database,
            f"_{name}_keys": keys,
            f"_{name}_settings_for": settings_for,
            f"_{name}_running": running,
            f"_{name}_tap": tap,
        }
