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
from sqlalchemy import Connection, MetaData, Table, inspect, text
from sqlalchemy.ext.asyncio import create_async_engine

from samen_kit.migrations import alembic_config
from samen_kit.tables import KIT_TABLES


async def upgrade_to(url: str, migrations: Path, revision: str = "heads") -> None:
    await asyncio.to_thread(command.upgrade, alembic_config(url, migrations), revision)


async def downgrade_to(url: str, migrations: Path, revision: str) -> None:
    await asyncio.to_thread(command.downgrade, alembic_config(url, migrations), revision)


def create_kit_tables(bind: Connection) -> None:
    """The outbox, inbox and sequences from the models, for tests of the kit alone."""
    for table in KIT_TABLES:
        table.create(bind, checkfirst=True)


def kit_branch_tables() -> tuple[Table, ...]:
    """The tables the kit's migration branch gives every service's database."""
    from samen_kit.access.used_tokens_sql import GuardianTokenUse
    from samen_kit.refusal_table import AccessRefusalCount
    from samen_kit.roster import ROSTER_TABLES

    token_use: Table = GuardianTokenUse.__table__  # type: ignore[attr-defined]
    refusals: Table = AccessRefusalCount.__table__  # type: ignore[attr-defined]
    return (*KIT_TABLES, token_use, refusals, *ROSTER_TABLES)


def metadata_of(tables: Iterable[Table]) -> MetaData:
    """One metadata with copies of `tables` (from the kit's and a service's own; a
    service's copy of a kit table counts once)."""
    metadata = MetaData()
    for table in tables:
        if table.name not in metadata.tables:
            table.to_metadata(metadata)
    return metadata


async def schema_differences(url: str, expected: MetaData) -> list[Any]:
    """What alembic would change to make the database at `url` match `expected`, and
    the primary keys that differ (autogenerate does not compare them; they matter most)."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:

            def differences(sync_connection: Any) -> list[Any]:
                context = MigrationContext.configure(sync_connection)
                found = list(compare_metadata(context, expected))
                inspector = inspect(sync_connection)
                for table in expected.tables.values():
                    migrated = inspector.get_pk_constraint(table.name)["constrained_columns"]
                    described = [column.name for column in table.primary_key.columns]
                    if migrated != described:
                        found.append(("primary key", table.name, migrated, described))
                return found

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
