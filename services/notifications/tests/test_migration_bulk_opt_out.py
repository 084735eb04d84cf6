"""Revision 0002_bulk_opt_out: a database made before it gets the table of guardians who
stopped bulk messages, a new one already has it, and running it again changes nothing.
Real PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from alembic import command
from samen_kit.migrations import alembic_config, upgrade
from samen_notifications.migrations import MIGRATIONS
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = pytest.mark.integration


async def _state(url: str) -> tuple[list[str], list[str], str]:
    """The table's columns, its primary key and the revision the database is at."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:

            def read(sync: object) -> tuple[list[str], list[str]]:
                inspector = inspect(sync)
                if not inspector.has_table("bulk_opt_out"):
                    return [], []
                columns = [c["name"] for c in inspector.get_columns("bulk_opt_out")]
                key = inspector.get_pk_constraint("bulk_opt_out")["constrained_columns"]
                return columns, key

            columns, key = await connection.run_sync(read)
            version = await connection.execute(text("SELECT version_num FROM alembic_version"))
            return columns, key, str(version.scalar_one())
    finally:
        await engine.dispose()


async def _drop_table(url: str) -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP TABLE bulk_opt_out"))
    finally:
        await engine.dispose()


async def test_a_database_made_before_the_revision_gets_the_table(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("notifications_bulk_opt_out")
    await asyncio.to_thread(upgrade, url, MIGRATIONS)
    fresh = await _state(url)
    # As a database at the first revision was before this one: without the table.
    await _drop_table(url)
    await asyncio.to_thread(command.stamp, alembic_config(url, MIGRATIONS), "0001")
    before = await _state(url)
    await asyncio.to_thread(upgrade, url, MIGRATIONS)
    after = await _state(url)
    await asyncio.to_thread(upgrade, url, MIGRATIONS)  # again: nothing to do

    columns = ["tenant", "guardian_id", "opted_out_at"]
    assert fresh == (columns, ["tenant", "guardian_id"], "0002_bulk_opt_out")
    assert before == ([], [], "0001")
    assert after == fresh
    assert await _state(url) == fresh
