"""The table of guardians who stopped bulk messages: revision 0003_bulk_opt_out gives it
to a database made before (running again changes nothing), and the broadcast's
question "who of these stopped?" holds for any number of guardians. Real PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from samen_kit.migrations import upgrade
from samen_kit.testing.schema import upgrade_to
from samen_notifications.adapters import bulk
from samen_notifications.migrations import MIGRATIONS
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

pytestmark = pytest.mark.integration
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


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


async def test_a_database_made_before_the_revision_gets_the_table(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("notifications_bulk_opt_out")
    await upgrade_to(url, MIGRATIONS, "0002_refusal_counts")
    before = await _state(url)
    await upgrade_to(url, MIGRATIONS)
    after = await _state(url)
    await upgrade_to(url, MIGRATIONS)  # again: nothing to do

    columns = ["tenant", "guardian_id", "opted_out_at"]
    assert before == ([], [], "0002_refusal_counts")
    assert after == (columns, ["tenant", "guardian_id"], "0009_broadcast_event")  # the head
    assert await _state(url) == after


async def test_the_guardians_who_stopped_are_found_among_more_ids_than_a_query_may_bind(
    make_database: Callable[[str], str],
) -> None:
    """A broadcast to a whole samenwerkingsverband asks about every guardian at once."""
    url = make_database("notifications_bulk_many")
    await asyncio.to_thread(upgrade, url, MIGRATIONS)
    stopped, other_tenant = uuid.uuid4(), uuid.uuid4()
    in_scope = [uuid.uuid4() for _ in range(40_000)] + [stopped, other_tenant]
    engine = create_async_engine(url)
    try:
        async with AsyncSession(engine) as session, session.begin():
            await bulk.opt_out(session, "swv-a", stopped, NOW)
            await bulk.opt_out(session, "swv-a", stopped, NOW)  # a second click
            await bulk.opt_out(session, "swv-b", other_tenant, NOW)
        async with AsyncSession(engine) as session:
            found = await bulk.opted_out(session, "swv-a", in_scope)
        async with AsyncSession(engine) as session, session.begin():
            await bulk.opt_in(session, "swv-a", stopped)
        async with AsyncSession(engine) as session:
            after = await bulk.opted_out(session, "swv-a", in_scope)
    finally:
        await engine.dispose()
    assert found == {stopped}
    assert after == set()
