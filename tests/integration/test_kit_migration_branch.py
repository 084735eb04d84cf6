"""The kit's tables are a migration branch of their own (`samen_kit.migrations`), which
every service's migrations include. A database that a service's migrations built before
that branch existed (its schema in `before_the_kit_branch/`, the kit's old tables in
files of their own that each service's file includes) upgrades to the new heads
and ends with the same schema as a new database migrated from nothing: the same tables,
columns, keys, indexes, triggers, functions and grants."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from samen_kit.db import asyncpg_dsn
from samen_kit.testing.databases import execute
from samen_kit.testing.schema import kit_branch_tables, upgrade_to

from tests.integration.migration_folders import SERVICES, migrations_of

pytestmark = pytest.mark.integration

BEFORE = Path(__file__).with_name("before_the_kit_branch")


def _dump(file: Path) -> str:
    """A service's old schema with the parts it shares with others (psql's `\\ir`
    lines, a file beside it) written in, as psql would read it."""
    return "\n".join(
        _dump(file.with_name(line.removeprefix("\\ir ").strip()))
        if line.startswith("\\ir ")
        else line
        for line in file.read_text().splitlines()
    )


# Each part of the schema as rows; a column's place in its table is left out, as a table
# that came by renaming keeps the old one's order.
CATALOG = {
    "columns": "SELECT table_name, column_name, data_type, character_maximum_length,"
    " is_nullable, column_default, is_identity, identity_generation"
    " FROM information_schema.columns WHERE table_schema = 'public'",
    "constraints": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
    " FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
    "indexes": "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "triggers": "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
    "functions": "SELECT pg_get_functiondef(oid) FROM pg_proc"
    " WHERE pronamespace = 'public'::regnamespace",
    "grants": "SELECT c.relname, a.grantee::regrole::text, a.privilege_type"
    " FROM pg_class c, aclexplode(c.relacl) a WHERE c.relnamespace = 'public'::regnamespace",
    "column grants": "SELECT c.relname, t.attname, a.grantee::regrole::text, a.privilege_type"
    " FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid, aclexplode(t.attacl) a"
    " WHERE c.relnamespace = 'public'::regnamespace",
    "versions": "SELECT version_num FROM alembic_version",
}


async def _schema(url: str) -> dict[str, set[tuple[Any, ...]]]:
    import asyncpg

    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return {
            part: {tuple(row) for row in await connection.fetch(query)}
            for part, query in CATALOG.items()
        }
    finally:
        await connection.close()


# A service born on the branch (plans) has no database from before it.
@pytest.mark.parametrize("service", [s for s in SERVICES if (BEFORE / f"{s}.sql").exists()])
async def test_a_database_from_before_the_branch_ends_as_a_new_one(
    service: str, make_database: Callable[[str], str]
) -> None:
    folder = migrations_of(service)
    new, old = make_database(f"{service}_new"), make_database(f"{service}_old")
    await upgrade_to(new, folder)  # first: audit's revision makes its writer role
    await execute(old, _dump(BEFORE / f"{service}.sql"))

    await upgrade_to(old, folder)

    upgraded, fresh = await _schema(old), await _schema(new)
    for part in CATALOG:
        assert upgraded[part] == fresh[part], part
    tables = {row[0] for row in fresh["columns"]}
    assert {table.name for table in kit_branch_tables()} <= tables
