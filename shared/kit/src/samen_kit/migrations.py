"""Alembic per service, with the kit's tables in every service's first revision.

A service keeps its own `migrations/` folder (env.py calls `run_env`); its first
revision calls `create_kit_tables(op.get_bind())`. `upgrade(url, folder)` runs them to
head from code, so the local runner and the tests need no alembic.ini.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, MetaData
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from samen_kit.tables import KIT_TABLES


def create_kit_tables(bind: Connection) -> None:
    for table in KIT_TABLES:
        table.create(bind, checkfirst=True)


def alembic_config(database_url: str, script_location: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, script_location: Path) -> None:
    """Run a service's migrations to head (synchronously; call it outside an event loop
    or through `asyncio.to_thread`)."""
    command.upgrade(alembic_config(database_url, script_location), "head")


def run_env(context: Any, target_metadata: MetaData | None = None) -> None:
    """The body of a service's `migrations/env.py`: online migrations over asyncpg."""
    url = context.config.get_main_option("sqlalchemy.url")

    def migrate(connection: Connection) -> None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()

    async def main() -> None:
        engine: AsyncEngine = create_async_engine(url)
        async with engine.connect() as conn:
            await conn.run_sync(migrate)
        await engine.dispose()

    asyncio.run(main())


async def create_kit_tables_async(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(create_kit_tables)


def rekey(op: Any, keys: dict[str, list[str]]) -> None:
    """Give each table a new primary key (PostgreSQL's default name `<table>_pkey`)."""
    for table, columns in keys.items():
        op.drop_constraint(f"{table}_pkey", table, type_="primary")
        op.create_primary_key(f"{table}_pkey", table, columns)
