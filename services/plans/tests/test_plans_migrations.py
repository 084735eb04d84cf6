"""The migrations run to head on an empty database, twice, and back down."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from alembic import command
from samen_kit.migrations import alembic_config, upgrade
from samen_plans.bootstrap import MIGRATIONS
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = pytest.mark.integration


async def _tables(url: str) -> set[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


async def test_up_twice_then_down_leaves_only_alembics_table(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("plans_migrations")
    await asyncio.to_thread(upgrade, url, MIGRATIONS)
    await asyncio.to_thread(upgrade, url, MIGRATIONS)
    assert {"opp", "opp_version", "consent_link", "groeidocument_entry"} <= await _tables(url)
    await asyncio.to_thread(command.downgrade, alembic_config(url, MIGRATIONS), "base")
    left = await _tables(url)
    assert "opp" not in left and "roster_pupil" not in left
