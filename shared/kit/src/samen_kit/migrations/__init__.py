"""Alembic per service, with the kit's tables as a branch of their own.

A service keeps its own `migrations/` folder (env.py calls `run_env`). The kit's tables
(outbox, inbox, sequences, used tokens, refusal counts, the roster projection) are the
`kit` branch in `samen_kit/migrations/versions`, which every service's environment
includes: a change to a kit table is one kit revision (the next `kit_000N`, revising the
kit's head) that reaches every service, whose own revisions stay as they are. A
service's revision that needs a kit table names the kit revision in `depends_on`; a
database at that revision counts the kit revisions it depends on as applied.

`upgrade(url, folder)` runs both to their heads from code, so the local runner and the
tests need no alembic.ini.
"""

from __future__ import annotations

import asyncio
import os
import zlib
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, MetaData, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

KIT_VERSIONS = Path(__file__).resolve().parent / "versions"
KIT_BRANCH = "kit"
# An advisory lock per database (the outbox relay's keys are other CRCs).
MIGRATION_LOCK = zlib.crc32(b"samen.migrations")


def alembic_config(database_url: str, script_location: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("path_separator", "os")
    versions = (script_location / "versions", KIT_VERSIONS)
    config.set_main_option("version_locations", os.pathsep.join(map(str, versions)))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, script_location: Path) -> None:
    """Run a service's migrations and the kit's to their heads (synchronously; call it
    outside an event loop or through `asyncio.to_thread`)."""
    command.upgrade(alembic_config(database_url, script_location), "heads")


def run_env(context: Any, target_metadata: MetaData | None = None) -> None:
    """The body of a service's `migrations/env.py`: online migrations over asyncpg."""
    url = context.config.get_main_option("sqlalchemy.url")

    def migrate(connection: Connection) -> None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            # Several instances of a service start together: one migrates, the others
            # wait here and then find the database at its heads.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            context.run_migrations()

    async def main() -> None:
        engine: AsyncEngine = create_async_engine(url)
        async with engine.connect() as conn:
            await conn.run_sync(migrate)
        await engine.dispose()

    asyncio.run(main())


def rekey(op: Any, keys: dict[str, list[str]]) -> None:
    """Give each table a new primary key (PostgreSQL's default name `<table>_pkey`)."""
    for table, columns in keys.items():
        op.drop_constraint(f"{table}_pkey", table, type_="primary")
        op.create_primary_key(f"{table}_pkey", table, columns)
