"""The pytest plugin every Samen test suite loads (`-p samen_kit.testing.fixtures`).

A test gets a Kafka bootstrap address and a PostgreSQL URL from, in this order:
`SAMEN_KAFKA_BOOTSTRAP` / `SAMEN_DATABASE_URL` when set; testcontainers when a Docker
engine answers; else the project's own `deploy/local` instances, started if need be.
There is no skip: an integration test without a broker or a database fails.
Names are unique per run: topics get a run prefix, each test its own database.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest
from sqlalchemy.engine import make_url

from samen_kit.testing import databases
from samen_kit.testing.keycloak import keycloak  # noqa: F401  (registers the fixture)
from samen_kit.testing.names import RUN_ID

T = TypeVar("T")


def run_blocking(make_coroutine: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion from sync code, even inside a running event loop
    (async tests call the database factory): in a thread with a loop of its own."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()


def _docker_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.fixture(scope="session")
def _containers() -> Iterator[dict[str, str]]:
    """Kafka and PostgreSQL in containers, only when no address is given and Docker runs."""
    wanted = not (os.environ.get("SAMEN_KAFKA_BOOTSTRAP") and os.environ.get("SAMEN_DATABASE_URL"))
    if not wanted or not _docker_answers():
        yield {}
        return
    from testcontainers.kafka import KafkaContainer
    from testcontainers.postgres import PostgresContainer

    with KafkaContainer().with_kraft() as kafka, PostgresContainer("postgres:15") as pg:
        url = pg.get_connection_url().replace("psycopg2", "asyncpg")
        yield {"kafka": kafka.get_bootstrap_server(), "postgres": url}


@pytest.fixture(scope="session")
def kafka_bootstrap(_containers: dict[str, str]) -> str:
    if address := os.environ.get("SAMEN_KAFKA_BOOTSTRAP"):
        return address
    if "kafka" in _containers:
        return _containers["kafka"]
    from samen_kit import localinfra

    return localinfra.ensure_kafka()


@pytest.fixture(scope="session")
def postgres_server_url(_containers: dict[str, str]) -> str:
    """An SQLAlchemy URL of the server's maintenance database (`postgres`)."""
    if url := os.environ.get("SAMEN_DATABASE_URL"):
        return make_url(url).set(database="postgres").render_as_string(hide_password=False)
    if "postgres" in _containers:
        return _containers["postgres"]
    from samen_kit import localinfra

    return localinfra.ensure_postgres()


@pytest.fixture(scope="session")
def topic_prefix() -> str:
    return f"t{RUN_ID}."


@pytest.fixture
def make_database(postgres_server_url: str) -> Iterator[Callable[[str], str]]:
    """Creates databases unique to this run and test; drops them afterwards."""
    with _databases(postgres_server_url) as make:
        yield make


@pytest.fixture(scope="session")
def make_session_database(postgres_server_url: str) -> Iterator[Callable[[str], str]]:
    """Like `make_database`, for session fixtures: dropped when the session ends."""
    with _databases(postgres_server_url) as make:
        yield make


@contextlib.contextmanager
def _databases(server_url: str) -> Iterator[Callable[[str], str]]:
    created: list[str] = []

    def make(label: str = "db") -> str:
        url = run_blocking(lambda: databases.create_database(server_url, label))
        created.append(make_url(url).database or "")
        return url

    try:
        yield make
    finally:
        for name in created:
            with contextlib.suppress(Exception):
                run_blocking(lambda name=name: databases.drop_database(server_url, name, within=3))  # type: ignore[misc]


@pytest.fixture
def pg_url(make_database: Callable[[str], str]) -> str:
    """An SQLAlchemy async URL of a fresh, empty database for this test."""
    return make_database("t")


@pytest.fixture
async def kafka_admin(kafka_bootstrap: str) -> AsyncIterator[Any]:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    yield admin
    await admin.close()
