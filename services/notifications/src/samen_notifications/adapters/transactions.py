"""A unit of work that PostgreSQL may ask to repeat.

When two transactions wait for each other's rows, PostgreSQL ends one of them with a
deadlock (or, under stricter isolation, a serialization failure). Nothing of it was kept,
so running it again is safe; the other one has usually finished by then. Bounded, with
a growing, jittered pause, so two retrying callers do not collide again in step.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog
from samen_kit.db import unit_of_work
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

log = structlog.get_logger(__name__)
T = TypeVar("T")

DEADLOCK_DETECTED = "40P01"
SERIALIZATION_FAILURE = "40001"
REPEATABLE = frozenset({DEADLOCK_DETECTED, SERIALIZATION_FAILURE})
ATTEMPTS = 5
FIRST_PAUSE = 0.05  # seconds; doubles per attempt


def sqlstate_of(error: DBAPIError) -> str | None:
    """The PostgreSQL error code the driver reports (asyncpg: sqlstate, psycopg: pgcode)."""
    orig = error.orig
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return str(code) if code else None


def should_repeat(error: BaseException) -> bool:
    """A deadlock's victim or a serialization failure: the whole transaction may run again."""
    return isinstance(error, DBAPIError) and sqlstate_of(error) in REPEATABLE


async def in_repeatable_unit_of_work(
    sessions: async_sessionmaker[AsyncSession],
    work: Callable[[AsyncSession], Awaitable[T]],
    *,
    attempts: int = ATTEMPTS,
    first_pause: float = FIRST_PAUSE,
    jitter: Callable[[], float] = random.random,
) -> T:
    """`work` in one transaction; run again from the start when PostgreSQL asks to."""
    attempt = 1
    while True:
        try:
            async with unit_of_work(sessions) as session:
                return await work(session)
        except DBAPIError as error:
            if attempt >= attempts or not should_repeat(error):
                raise
            log.warning(
                "notifications.transaction.repeated", attempt=attempt, sqlstate=sqlstate_of(error)
            )
            await asyncio.sleep(first_pause * 2 ** (attempt - 1) * (1 + jitter()))
            attempt += 1
