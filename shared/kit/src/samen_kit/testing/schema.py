"""Helpers for the services' migration tests: run to a revision, compare the migrated
schema with the models', and read or write rows in between."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, Table, text
from sqlalchemy.ext.asyncio import create_async_engine

from samen_kit.migrations import alembic_config


async def upgrade_to(url: str, migrations: Path, revision: str = "head") -> None:
    await asyncio.to_thread(command.upgrade, alembic_config(url, migrations), revision)


async def downgrade_to(url: str, migrations: Path, revision: str) -> None:
    await asyncio.to_thread(command.downgrade, alembic_config(url, migrations), revision)


def metadata_of(tables: Iterable[Table]) -> MetaData:
    """One metadata with copies of `tables` (from the kit's and a service's own)."""
    metadata = MetaData()
    for table in tables:
        table.to_metadata(metadata)
    return metadata


async def schema_differences(url: str, expected: MetaData) -> list[Any]:
    """What alembic would change to make the database at `url` match `expected`."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:

            def differences(sync_connection: Any) -> list[Any]:
                context = MigrationContext.configure(sync_connection)
                return list(compare_metadata(context, expected))

            return await connection.run_sync(differences)
    finally:
        await engine.dispose()


async def sql(url: str, statement: str, **params: Any) -> list[Any]:
    """Run one statement in its own transaction; the rows it returns, if any."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            result = await connection.execute(text(statement), params)
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()
