"""Waiting for the platform: poll with a deadline, never a bare sleep."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


class JourneyError(RuntimeError):
    """A step of the journey did not happen as it should."""


async def until(
    probe: Callable[[], Awaitable[T | None]],
    *,
    what: str,
    within: float = 60.0,
    every: float = 0.25,
) -> T:
    """The first truthy answer of `probe`; JourneyError naming `what` after `within` s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        found = await probe()
        if found:
            return found
        if loop.time() >= deadline:
            raise JourneyError(f"{what}: not within {within:.0f} s")
        await asyncio.sleep(every)
