"""Wait for a condition in a test: poll, never sleep blindly."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


async def wait_for(probe: Callable[[], Any], *, within: float = 30.0, every: float = 0.1) -> Any:
    """Poll `probe` (sync or async) until it returns something truthy; that result."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        result = probe()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return result
        if loop.time() > deadline:
            raise AssertionError(f"not met within {within}s: last={result!r}")
        await asyncio.sleep(every)
