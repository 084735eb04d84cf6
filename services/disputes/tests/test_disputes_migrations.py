"""The migrations create exactly the tables, columns and keys the models describe."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from samen_disputes.adapters import tables
from samen_disputes.bootstrap import MIGRATIONS
from samen_kit.migrations import upgrade
from sqlalchemy import Connection, Table, inspect
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = pytest.mark.integration

TABLES: list[Table] = [
    *tables.ROSTER_TABLES,  # the kit's roster projection
    *(
        model.__table__  # type: ignore[attr-defined]
        for model in (
            tables.OppRow,
            tables.DisputeRow,
            tables.MoveRow,
            tables.NoteRow,
            tables.TenantConfigRow,
            tables.DueEmittedRow,
        )
    ),
]


def _described(table: Table) -> dict[str, bool]:
    return {column.name: bool(column.nullable) for column in table.columns}


def _key(table: Table) -> list[str]:
    return [column.name for column in table.primary_key.columns]


def _migrated(conn: Connection) -> dict[str, dict[str, bool]]:
    inspector = inspect(conn)
    return {
        name: {c["name"]: bool(c["nullable"]) for c in inspector.get_columns(name)}
        for name in inspector.get_table_names()
    }


def _migrated_keys(conn: Connection) -> dict[str, list[str]]:
    inspector = inspect(conn)
    return {
        name: list(inspector.get_pk_constraint(name)["constrained_columns"])
        for name in inspector.get_table_names()
    }


async def test_the_migration_creates_what_the_models_describe(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("disputes_migration")
    await asyncio.to_thread(upgrade, url, MIGRATIONS)
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            migrated = await conn.run_sync(_migrated)
            keys = await conn.run_sync(_migrated_keys)
    finally:
        await engine.dispose()

    for table in TABLES:
        assert migrated[table.name] == _described(table), table.name
        assert keys[table.name] == _key(table), table.name
    assert not {"pupil", "guardian"} & set(migrated)  # moved into the kit's roster tables
    kit_and_access = {"outbox", "inbox", "pupil_sequence", "applied_sequence", "guardian_token_use"}
    assert kit_and_access <= set(migrated)
