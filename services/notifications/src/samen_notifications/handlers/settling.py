"""Settling: what became of each sent message is committed right after the transport
accepted it, many at a time, and nothing more is sent while that is impossible.

`SettlingQueue.settle(item)` returns once the item is written (True), or once writing
has failed for `give_up_after` seconds (False). Items that arrive while a write is on
its way go together in the next one (group commit), so the database sees a few
batched writes, not one transaction per message.

`SendWindow` bounds how many messages may be sent but not yet settled: a sender takes a
slot before it sends and gives it back only when its result is settled. While settling
fails (the database restarts), the slots stay taken and `wait_until_settling()` holds
every new send back, so after such an outage at most the window's size of messages
(the SMTP connection pool's size) was accepted by the relay and not recorded: only
those can be sent again when their lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import structlog

log = structlog.get_logger(__name__)

T = TypeVar("T")

Write = Callable[[Sequence[T]], Awaitable[None]]
Sleep = Callable[[float], Awaitable[None]]
Now = Callable[[], float]


@dataclass(frozen=True, slots=True)
class SettlingPolicy:
    first_delay: float = 0.05  # seconds before writing again after a failure
    max_delay: float = 2.0
    give_up_after: float = 60.0  # then the message's lease decides (it is sent again)


def retry_delay(failures: int, policy: SettlingPolicy) -> float:
    """Seconds to wait after the `failures`-th failure in a row: doubling, capped."""
    return float(min(policy.max_delay, policy.first_delay * 2 ** max(0, failures - 1)))


class SettlingQueue(Generic[T]):
    def __init__(
        self,
        write: Write[T],
        policy: SettlingPolicy | None = None,
        *,
        sleep: Sleep = asyncio.sleep,
        now: Now | None = None,
    ) -> None:
        self._write = write
        self._policy = policy or SettlingPolicy()
        self._sleep = sleep
        self._now = now or time.monotonic
        self._pending: list[tuple[T, asyncio.Future[bool]]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._working = asyncio.Event()
        self._working.set()
        self.writes = 0  # transactions that succeeded (for tests and logs)

    @property
    def working(self) -> bool:
        """False from a failed write until a write succeeds again."""
        return self._working.is_set()

    async def wait_until_working(self) -> None:
        await self._working.wait()

    async def settle(self, item: T) -> bool:
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())
        return await asyncio.shield(future)

    async def _flush(self) -> None:
        while self._pending:
            taken, self._pending = self._pending, []
            settled = await self._write_until_done(taken)
            for _, future in taken:
                if not future.done():
                    future.set_result(settled)

    async def _write_until_done(self, taken: list[tuple[T, asyncio.Future[bool]]]) -> bool:
        started, failures = self._now(), 0
        while True:
            # Items that came in meanwhile go along: one transaction for all.
            taken.extend(self._pending)
            self._pending = []
            try:
                await self._write([item for item, _ in taken])
            except Exception as error:
                failures += 1
                self._working.clear()
                log.warning(
                    "notifications.settling.failed",
                    error=type(error).__name__,
                    waiting=len(taken),
                    failures=failures,
                )
                if self._now() - started >= self._policy.give_up_after:
                    self._working.set()  # let the next batch find out for itself
                    return False
                await self._sleep(retry_delay(failures, self._policy))
                continue
            self.writes += 1
            if failures:
                log.info("notifications.settling.recovered", settled=len(taken))
            self._working.set()
            return True


class SendWindow:
    """At most `size` messages sent and not yet settled."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a send window holds at least one message")
        self.size = size
        self._slots = asyncio.Semaphore(size)
        self.open = 0  # slots taken now
        self.most_open = 0  # the most ever taken at once

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._slots:
            self.open += 1
            self.most_open = max(self.most_open, self.open)
            try:
                yield
            finally:
                self.open -= 1
