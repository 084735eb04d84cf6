"""`SAMEN_MIGRATE_ONLY`: what the Kubernetes migrations Job runs (deploy/helm/samen). The
service's own entry point migrates its database to the heads and stops, serving nothing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable

import asyncpg
import pytest
from alembic.script import ScriptDirectory
from samen_disputes.bootstrap import MIGRATIONS
from samen_kit.db import asyncpg_dsn
from samen_kit.migrations import alembic_config

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_a_service_started_to_migrate_only_migrates_its_database_and_stops(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("migrate_only")
    env = {
        **os.environ,
        "SAMEN_DATABASE_URL": url,
        "SAMEN_MIGRATE_ONLY": "true",
        # Were it to serve after all, it would block here until the timeout says so.
        "SAMEN_HTTP_PORT": str(_free_port()),
        "SAMEN_KAFKA_BOOTSTRAP": "127.0.0.1:9",
    }
    done = subprocess.run(  # noqa: ASYNC221 - the test waits for the process, nothing else
        [sys.executable, "-m", "samen_disputes"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr[-2000:]
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        versions = await connection.fetch("SELECT version_num FROM alembic_version")
    finally:
        await connection.close()
    assert _heads() <= _applied(tuple(row["version_num"] for row in versions))


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config("postgresql+asyncpg://", MIGRATIONS))


def _heads() -> set[str]:
    """The service's head and the kit branch's head."""
    return set(_script().get_heads())


def _applied(versions: tuple[str, ...]) -> set[str]:
    """What the stored versions stand for: they and everything they build on."""
    return {rev.revision for rev in _script().iterate_revisions(versions, "base") if rev}
