"""Background jobs: the dispatcher's loop, and the sweeps (waits that ran out, refused
attempts whose minute closed, bounces) on the kit's scheduler. Each survives its own
failures: it logs and goes on."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import structlog
from samen_kit.periodic import Every, periodic

from samen_notifications.adapters.ports import AbstractBounceInbox
from samen_notifications.entrypoints.refusals import emit_closed_windows
from samen_notifications.handlers.bounces import read_bounces
from samen_notifications.handlers.context import Context
from samen_notifications.handlers.dispatch import Dispatcher, Transports
from samen_notifications.handlers.sweeps import expire_waiting

log = structlog.get_logger(__name__)
Job = Callable[[], Coroutine[Any, Any, None]]
Sweep = Callable[[], Awaitable[int]]


def background_jobs(
    ctx: Context,
    dispatcher: Dispatcher,
    transports: Transports,
    bounces: AbstractBounceInbox | None,
) -> list[Job]:
    """The dispatcher's loops, the sweeps on one scheduler, and closing the transports."""
    settings = ctx.settings
    sweeps: dict[str, Sweep] = {
        "waiting": lambda: expire_waiting(ctx.sessions, ctx.planner, ctx.clock),
        "refusals": lambda: emit_closed_windows(ctx.sessions, ctx.writer, ctx.clock),
    }
    if bounces is not None:
        sweeps["bounces"] = lambda: read_bounces(ctx.sessions, bounces, ctx.reports, ctx.clock)
    loops = [
        dispatcher_job(
            dispatcher,
            batch_size=settings.dispatch_batch_size,
            poll_seconds=settings.dispatch_poll_ms / 1000,
        )
        for _ in range(settings.dispatch_workers)
    ]
    every = settings.sweep_seconds
    scheduled = [Every(f"notifications.{n}", every, _logged(n, w)) for n, w in sweeps.items()]
    return [
        *loops,
        periodic(*scheduled),
        closing_job(transports.email.close, transports.sms.close),
    ]


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


def _logged(name: str, work: Sweep) -> Callable[[], Awaitable[None]]:
    """A sweep that logs what it did, and its failure without the exception's text (it
    may quote a contact point)."""

    async def sweep() -> None:
        try:
            done = await work()
        except Exception as error:
            log.error("notifications.sweep.failed", sweep=name, error=type(error).__name__)
            return
        if done:
            log.info("notifications.sweep", sweep=name, done=done)

    return sweep


def closing_job(*closers: Callable[[], Awaitable[None]]) -> Job:
    """Runs until the service stops, then closes the transports' connections."""

    async def run() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            for close in closers:
                await close()

    return run
