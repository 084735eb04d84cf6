"""Polling with a deadline (no sleeps standing in for a condition), or for as long as
what is awaited makes progress (`wait_while_progressing`)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import asyncpg
import httpx
from aiokafka.errors import KafkaError

POLL = 0.5
Check = Callable[[], Awaitable[bool]]
Progress = Callable[[], Awaitable[float]]


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


async def wait_while_progressing(
    check: Check, progress: Progress, stalled_after: float, what: str, poll: float = POLL
) -> None:
    """Until `check` holds, for as long as `progress` (a measure that only grows while
    the work goes on: messages arrived, log written, backlog worked off) moved within
    the last `stalled_after` seconds. A loaded machine makes the work slow, not stuck;
    a fixed deadline cannot tell the two apart."""
    loop = asyncio.get_running_loop()
    best, moved_at = await _measure(progress), loop.time()
    while not await _quietly(check):
        now, measured = loop.time(), await _measure(progress)
        if measured is not None and (best is None or measured > best):
            best, moved_at = measured, now
        elif now - moved_at > stalled_after:
            raise AssertionError(f"{what}: no progress for {stalled_after:.0f} s (at {best})")
        await asyncio.sleep(poll)


async def _measure(progress: Progress) -> float | None:
    try:
        return await progress()
    except (TimeoutError, OSError, asyncpg.PostgresError, KafkaError, httpx.HTTPError):
        return None


async def _quietly(check: Check) -> bool:
    """A check that cannot reach the broker, the database or a service yet is simply
    not true yet."""
    try:
        return await check()
    except (TimeoutError, OSError, asyncpg.PostgresError, KafkaError, httpx.HTTPError):
        return False
