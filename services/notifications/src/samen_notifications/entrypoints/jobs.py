"""Background jobs: the dispatcher's loop, and the sweeps (waits that ran out, refused
attempts whose minute closed, bounces) on the kit's scheduler. Each survives its own
failures: it logs and goes on."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import structlog
from samen_kit.periodic import Every, periodic

from samen_notifications.handlers.dispatch import Dispatcher

log = structlog.get_logger(__name__)
Job = Callable[[], Coroutine[Any, Any, None]]


def dispatcher_job(dispatcher: Dispatcher, *, batch_size: int, poll_seconds: float) -> Job:
    async def run() -> None:
        while True:
            try:
                handled = await dispatcher.run_once()
            except Exception as error:
                log.error(
                    "notifications.dispatch.failed", error=type(error).__name__, exc_info=error
                )
                handled = 0
            if handled < batch_size:  # a full batch means more is waiting
                await asyncio.sleep(poll_seconds)

    return run


def periodic_job(name: str, work: Callable[[], Awaitable[int]], *, every_seconds: float) -> Job:
    async def sweep() -> None:
        try:
            done = await work()
        except Exception as error:
            log.error("notifications.sweep.failed", sweep=name, error=type(error).__name__)
            return
        if done:
            log.info("notifications.sweep", sweep=name, done=done)

    return periodic(Every(f"notifications.{name}", every_seconds, sweep))


def closing_job(*closers: Callable[[], Awaitable[None]]) -> Job:
    """Runs until the service stops, then closes the transports' connections."""

    async def run() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            for close in closers:
                await close()

    return run
