"""The asyncpg connection under a SQLAlchemy session, inside the session's transaction.

The hot paths (the outbox write, the inbox bookkeeping) send one hand-written statement
per unit of work; going through SQLAlchemy there costs more time than the statement.
They share the session's connection and transaction, so they commit or roll back with
the caller's own changes.
"""

from __future__ import annotations

from typing import Any

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession


async def driver_connection(session: AsyncSession) -> asyncpg.Connection:
    """asyncpg's connection, its transaction begun (SQLAlchemy begins it lazily, at the
    first statement it sends itself)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    adapted: Any = raw.dbapi_connection  # SQLAlchemy's asyncpg adapter
    if adapted._transaction is None:
        await adapted._start_transaction()
    driver: asyncpg.Connection = adapted.driver_connection
    return driver
