"""The used-token store in PostgreSQL.

Import this module only in services that verify guardian tokens: importing it adds
`guardian_token_use` to `SQLModel.metadata`, and so to that service's migrations.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from sqlalchemy import DateTime, delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import Field, SQLModel, col

from samen_kit.access.used_tokens import AbstractUsedTokenStore, UsedTokenStoreProvider
from samen_kit.clock import Clock, SystemClock


class GuardianTokenUse(SQLModel, table=True):
    __tablename__ = "guardian_token_use"

    jti: str = Field(primary_key=True, max_length=64)
    tenant: str = Field(max_length=64)
    used_at: datetime = Field(sa_type=DateTime(timezone=True))
    # Rows past this can go: the token is refused as expired anyway.
    expires_at: datetime = Field(sa_type=DateTime(timezone=True), index=True)


class SqlUsedTokenStore(AbstractUsedTokenStore):
    """Works in the caller's session and transaction; never commits."""

    def __init__(self, session: AsyncSession, *, clock: Clock | None = None) -> None:
        self._session = session
        self._clock = clock or SystemClock()

    async def use(self, jti: str, tenant: str, expires_at: datetime) -> bool:
        row = {"jti": jti, "tenant": tenant, "used_at": self._clock.now(), "expires_at": expires_at}
        statement = (
            insert(GuardianTokenUse)
            .values(row)
            .on_conflict_do_nothing(index_elements=["jti"])
            .returning(col(GuardianTokenUse.jti))
        )
        connection = await self._session.connection()
        result = await connection.execute(statement)
        return result.first() is not None

    async def forget_expired(self, now: datetime) -> int:
        statement = delete(GuardianTokenUse).where(col(GuardianTokenUse.expires_at) < now)
        connection = await self._session.connection()
        return (await connection.execute(statement)).rowcount


def sql_used_tokens(sessions: async_sessionmaker[AsyncSession]) -> UsedTokenStoreProvider:
    """For the session exchange dependency: each use commits in its own transaction."""

    @asynccontextmanager
    async def provide() -> AsyncIterator[AbstractUsedTokenStore]:
        async with sessions() as session, session.begin():
            yield SqlUsedTokenStore(session)

    return provide
