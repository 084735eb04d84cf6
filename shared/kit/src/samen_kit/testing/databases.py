"""Test databases on the shared server: created with a unique name, dropped afterwards."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator, Iterable
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.db import asyncpg_dsn, create_engine, session_factory
from samen_kit.testing.names import RUN_ID


def database_url(server_url: str, name: str) -> str:
    """The URL of database `name` on the server of `server_url`."""
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


async def execute(server_url: str, sql: str) -> None:
    """One statement on the server's maintenance connection (CREATE/DROP DATABASE)."""
    import asyncpg

    connection: Any = await asyncpg.connect(asyncpg_dsn(server_url))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def create_database(server_url: str, label: str) -> str:
    """A new, empty database named after the run and `label`; its URL."""
    name = f"t_{RUN_ID}_{label}_{secrets.token_hex(3)}"
    await execute(server_url, f'CREATE DATABASE "{name}"')
    return database_url(server_url, name)


async def drop_database(server_url: str, name: str, *, within: float = 15.0) -> None:
    """Drop `name`, trying again while it fails for up to `within` seconds: a session of
    another role that is still closing can make FORCE fail for a moment."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        try:
            await execute(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except Exception:
            if loop.time() > deadline:
                raise
            await asyncio.sleep(0.05)


@contextlib.asynccontextmanager
async def scratch_database(server_url: str, label: str) -> AsyncIterator[str]:
    """A database of its own for the block; its URL; dropped afterwards."""
    url = await create_database(server_url, label)
    try:
        yield url
    finally:
        await drop_database(server_url, make_url(url).database or "")


@contextlib.asynccontextmanager
async def sessions_with(
    url: str, tables: Iterable[Table]
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on the (empty) database at `url` once `tables` are created in it, for
    a test of a kit part without a service's migrations; the engine is closed after."""
    engine = create_engine(url)
    async with engine.begin() as conn:
        for table in tables:
            await conn.run_sync(table.create)
    try:
        yield session_factory(engine)
    finally:
        await engine.dispose()
