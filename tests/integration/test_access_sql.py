"""The used-token store on a real PostgreSQL: one session per guardian token, ever."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from samen_kit.access.used_tokens_sql import GuardianTokenUse, SqlUsedTokenStore, sql_used_tokens
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlmodel import SQLModel

pytestmark = pytest.mark.integration

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
EXPIRES = NOW + timedelta(days=14)


@pytest.fixture
async def engine(pg_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(pg_url)
    async with engine.begin() as connection:
        await connection.run_sync(
            SQLModel.metadata.create_all, tables=[SQLModel.metadata.tables["guardian_token_use"]]
        )
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def use_once(sessions: async_sessionmaker[AsyncSession], jti: str) -> bool:
    async with sessions() as session, session.begin():
        return await SqlUsedTokenStore(session).use(jti, "swv-2801", EXPIRES)


async def test_a_token_is_used_once_and_refused_after(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    jti = str(uuid4())

    assert await use_once(sessions, jti) is True
    assert await use_once(sessions, jti) is False


async def test_two_racing_exchanges_of_one_token_start_one_session(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    jti = str(uuid4())

    outcomes = await asyncio.gather(*(use_once(sessions, jti) for _ in range(5)))

    assert sorted(outcomes) == [False, False, False, False, True]


async def test_the_use_belongs_to_the_callers_transaction(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    jti = str(uuid4())
    async with sessions() as session, session.begin():
        assert await SqlUsedTokenStore(session).use(jti, "swv-2801", EXPIRES)
        await session.rollback()  # the caller's action failed: nothing was used

    assert await use_once(sessions, jti) is True


async def test_the_provider_commits_each_use_on_its_own(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    provide = sql_used_tokens(sessions)
    jti = str(uuid4())
    async with provide() as store:
        assert await store.use(jti, "swv-2801", EXPIRES)

    assert await use_once(sessions, jti) is False


async def test_uses_of_expired_tokens_can_be_forgotten(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        store = SqlUsedTokenStore(session)
        await store.use("old", "swv-2801", NOW - timedelta(seconds=1))
        await store.use("current", "swv-2801", EXPIRES)

    async with sessions() as session, session.begin():
        forgotten = await SqlUsedTokenStore(session).forget_expired(NOW)
        left = await session.scalar(select(func.count()).select_from(GuardianTokenUse))

    assert (forgotten, left) == (1, 1)
