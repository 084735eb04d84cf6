"""Live updates of pupil pages: PostgreSQL NOTIFY (sent when the projecting transaction
commits, so on every instance) fanned out to the open pages of this process."""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import structlog
from samen_kit.db import asyncpg_dsn

from samen_portal.adapters.readmodel import LIVE_CHANNEL

log = structlog.get_logger(__name__)
_RETRY_SECONDS = 1.0


class LiveHub:
    def __init__(self, database_url: str) -> None:
        self._dsn = asyncpg_dsn(database_url)
        self._listeners: dict[str, set[asyncio.Queue[None]]] = defaultdict(set)

    @contextlib.contextmanager
    def listen(self, tenant: str, pupil_id: object) -> Any:
        """A queue that gets an item whenever a fact about the pupil is kept."""
        key = f"{tenant} {pupil_id}"
        queue: asyncio.Queue[None] = asyncio.Queue(maxsize=1)
        self._listeners[key].add(queue)
        try:
            yield queue
        finally:
            self._listeners[key].discard(queue)
            if not self._listeners[key]:
                del self._listeners[key]

    def _on_notify(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        for queue in self._listeners.get(payload, ()):
            with contextlib.suppress(asyncio.QueueFull):  # one pending wake-up is enough
                queue.put_nowait(None)

    async def run(self) -> None:
        """Listen for as long as the process runs; reconnect when the database goes."""
        while True:
            try:
                await self._listen_until_closed()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the database restarting: listen again
                log.warning("portal.live.reconnecting", error=type(error).__name__)
            await asyncio.sleep(_RETRY_SECONDS)

    async def _listen_until_closed(self) -> None:
        async with self._connection() as conn:
            closed = asyncio.Event()
            conn.add_termination_listener(lambda _conn: closed.set())
            await conn.add_listener(LIVE_CHANNEL, self._on_notify)
            await closed.wait()

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[asyncpg.Connection]:
        conn: asyncpg.Connection = await asyncpg.connect(self._dsn)
        try:
            yield conn
        finally:
            await conn.close()
