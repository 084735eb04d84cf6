"""Sign-in sessions, server-side: the cookie holds a random id, the table its hash and
the user's tokens (which never reach the browser)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_portal.adapters.tables import web_session


@dataclass(frozen=True)
class SignedIn:
    sid_hash: str
    tenant: str
    subject: str
    access_token: str
    refresh_token: str | None
    id_token: str | None
    csrf: str
    expires_at: datetime


def _hash(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


class SessionStore:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def start(
        self,
        *,
        tenant: str,
        subject: str,
        access_token: str,
        refresh_token: str | None,
        id_token: str | None,
        now: datetime,
        expires_at: datetime,
    ) -> str:
        """A new session; returns its id (for the signed cookie only)."""
        sid = secrets.token_urlsafe(32)
        async with self._sessions() as session, session.begin():
            await session.execute(
                sa.insert(web_session).values(
                    sid_hash=_hash(sid),
                    tenant=tenant,
                    subject=subject,
                    access_token=access_token,
                    refresh_token=refresh_token,
                    id_token=id_token,
                    csrf=secrets.token_urlsafe(32),
                    created_at=now,
                    expires_at=expires_at,
                )
            )
            # Sessions past their end are of no use to anyone: clear them as we go.
            await session.execute(sa.delete(web_session).where(web_session.c.expires_at < now))
        return sid

    async def find(self, sid: str, now: datetime) -> SignedIn | None:
        async with self._sessions() as session:
            row = (
                await session.execute(
                    sa.select(web_session).where(
                        web_session.c.sid_hash == _hash(sid), web_session.c.expires_at > now
                    )
                )
            ).first()
        if row is None:
            return None
        return SignedIn(
            row.sid_hash,
            row.tenant,
            row.subject,
            row.access_token,
            row.refresh_token,
            row.id_token,
            row.csrf,
            row.expires_at,
        )

    async def renew(self, sid_hash: str, access_token: str, refresh_token: str | None) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(
                sa.update(web_session)
                .where(web_session.c.sid_hash == sid_hash)
                .values(access_token=access_token, refresh_token=refresh_token)
            )

    async def end(self, sid_hash: str) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(sa.delete(web_session).where(web_session.c.sid_hash == sid_hash))
