"""Engine, sessions and database creation for PostgreSQL (asyncpg under SQLAlchemy)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.util import await_


def create_engine(database_url: str, *, pool_size: int = 5) -> AsyncEngine:
    engine = create_async_engine(database_url, pool_size=pool_size, pool_pre_ping=True)
    engine.dialect.do_ping = _ping_once  # type: ignore[method-assign]
    return engine


def _ping_once(dbapi_connection: Any) -> bool:
    """The pool's check at checkout in one round trip.

    SQLAlchemy's asyncpg ping wraps `;` in BEGIN and ROLLBACK (for pgbouncer in
    transaction mode, which Samen does not use): three round trips for every unit of
    work. A dead connection fails this one just the same and is replaced.
    """
    try:
        await_(dbapi_connection._connection.fetchrow(";"))
    except Exception as error:
        dbapi_connection._handle_exception(error)  # raised as SQLAlchemy's disconnect
    return True


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def unit_of_work(
    sessions: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """One transaction: commits when the block ends, rolls back when it raises."""
    async with sessions() as session, session.begin():
        yield session


def asyncpg_dsn(database_url: str) -> str:
    """The plain libpq-style DSN of an SQLAlchemy URL (asyncpg does not take `+asyncpg`)."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


async def ensure_database(database_url: str) -> None:
    """Create the URL's database when it does not exist yet (the local runner's job)."""
    url = make_url(database_url)
    name = url.database
    if not name:
        raise ValueError("database URL names no database")
    admin = asyncpg_dsn(database_url).rsplit("/", 1)[0] + "/postgres"
    conn = await asyncpg.connect(admin)
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            # Identifiers cannot be bound as parameters; quote it instead.
            quoted = '"' + name.replace('"', '""') + '"'
            await conn.execute(f"CREATE DATABASE {quoted}")
    finally:
        await conn.close()
