"""Polling with a deadline (no sleeps standing in for a condition)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import asyncpg
import httpx
from aiokafka.errors import KafkaError

POLL = 0.5
Check = Callable[[], Awaitable[bool]]


async def poll_until(check: Check, within: float, poll: float = POLL) -> bool:
    """True once `check` holds; False when `within` seconds passed first."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await _quietly(check):
        if loop.time() > deadline:
            return False
        await asyncio.sleep(poll)
    return True


async def wait_for(check: Check, within: float, what: str, poll: float = POLL) -> None:
    if not await poll_until(check, within, poll):
        raise AssertionError(f"waited {within:.0f} s for {what}")


async def _quietly(check: Check) -> bool:
    """A check that cannot reach the broker, the database or a service yet is simply
    not true yet."""
    try:
        return await check()
    except (TimeoutError, OSError, asyncpg.PostgresError, KafkaError, httpx.HTTPError):
        return False
