"""Several instances of a service start together on one new database: each runs the
migrations at start, one at a time, and every one of them comes up."""

from __future__ import annotations

import asyncio
import sys

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]

INSTANCES = 3
# What a consent instance runs first at start; a process each, as instances are (Alembic's
# context is one per process).
MIGRATE = "import sys; from samen_consent.migrate import migrate; migrate(sys.argv[1])"


async def migrate_in_a_process(url: str) -> int:
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", MIGRATE, url)
    return await process.wait()


async def test_three_instances_migrating_one_new_database_at_once_all_succeed(
    pg_url: str,
) -> None:
    codes = await asyncio.gather(*(migrate_in_a_process(pg_url) for _ in range(INSTANCES)))

    engine = create_async_engine(pg_url)
    try:
        async with engine.connect() as conn:
            versions = (
                await conn.execute(sa.text("SELECT version_num FROM alembic_version"))
            ).all()
            outbox = await conn.scalar(sa.text("SELECT count(*) FROM outbox"))
    finally:
        await engine.dispose()
    assert codes == [0] * INSTANCES
    assert len(versions) >= 1  # the service's head and the kit's, once each
    assert len({row[0] for row in versions}) == len(versions)
    assert outbox == 0
