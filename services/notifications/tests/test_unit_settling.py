"""Settling sent messages: committed right after sending, many per write, and nothing
new sent while the store cannot take them: at most the window's size is ever sent and
not settled."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from samen_notifications.handlers.settling import (
    SendWindow,
    SettlingPolicy,
    SettlingQueue,
    retry_delay,
)

pytestmark = pytest.mark.unit

FAST = SettlingPolicy(first_delay=0.001, max_delay=0.005, give_up_after=60.0)


class FakeStore:
    """Takes settled ids unless it is down; remembers every write."""

    def __init__(self) -> None:
        self.settled: list[int] = []
        self.writes: list[list[int]] = []
        self.down = False
        self.failed_writes = 0

    async def write(self, ids: Sequence[int]) -> None:
        await asyncio.sleep(0.002)  # a round trip
        if self.down:
            self.failed_writes += 1
            raise ConnectionError("database restarting")
        self.writes.append(list(ids))
        self.settled.extend(ids)


class Sender:
    """The dispatcher's way of sending: a window slot, wait while settling fails, send,
    settle, give the slot back."""

    def __init__(self, store: FakeStore, window: int, policy: SettlingPolicy = FAST) -> None:
        self.store = store
        self.window = SendWindow(window)
        self.queue: SettlingQueue[int] = SettlingQueue(store.write, policy)
        self.sent: list[int] = []
        self.sent_while_down: list[int] = []

    def unsettled(self) -> int:
        return len(self.sent) - len(self.store.settled)

    async def send_and_settle(self, message: int) -> bool:
        async with self.window.slot():
            await self.queue.wait_until_working()
            if self.store.down:
                self.sent_while_down.append(message)
            await asyncio.sleep(0.001)  # the relay accepts it
            self.sent.append(message)
            return await self.queue.settle(message)


async def test_every_sent_message_is_settled_once_in_fewer_writes_than_messages() -> None:
    store = FakeStore()
    sender = Sender(store, window=4)

    results = await asyncio.gather(*(sender.send_and_settle(m) for m in range(200)))

    assert all(results)
    assert sorted(store.settled) == list(range(200))
    assert len(store.writes) < 200  # settled together while a write was on its way
    assert sender.window.most_open == 4


async def test_while_the_store_is_down_nothing_more_is_sent_and_at_most_the_window_waits() -> None:
    store = FakeStore()
    sender = Sender(store, window=4)
    most_unsettled_while_down = 0

    async def outage() -> None:
        nonlocal most_unsettled_while_down
        while len(store.settled) < 50:  # noqa: ASYNC110 - polls the fake store
            await asyncio.sleep(0.001)
        store.down = True
        for _ in range(100):  # the outage lasts a while
            most_unsettled_while_down = max(most_unsettled_while_down, sender.unsettled())
            await asyncio.sleep(0.001)
        store.down = False

    results, _ = await asyncio.gather(
        asyncio.gather(*(sender.send_and_settle(m) for m in range(300))), outage()
    )

    assert all(results)
    assert store.failed_writes > 0, "the outage hit a write"
    assert most_unsettled_while_down <= 4
    assert len(sender.sent_while_down) <= 4  # sent before a write found the outage
    assert sorted(store.settled) == list(range(300)), "each settled exactly once"


async def test_settling_gives_up_after_its_time_and_the_messages_stay_for_their_lease() -> None:
    store = FakeStore()
    store.down = True
    policy = SettlingPolicy(first_delay=0.001, max_delay=0.002, give_up_after=0.05)
    sender = Sender(store, window=2, policy=policy)

    results = await asyncio.gather(*(sender.send_and_settle(m) for m in range(2)))

    assert results == [False, False]
    assert store.settled == []
    assert sender.queue.working, "the next batch finds out for itself"


async def test_a_failed_write_holds_new_sends_until_a_write_works_again() -> None:
    store = FakeStore()
    store.down = True
    sender = Sender(store, window=8)
    first = asyncio.create_task(sender.send_and_settle(1))
    while sender.queue.working:  # noqa: ASYNC110 - polls the queue
        await asyncio.sleep(0.001)

    second = asyncio.create_task(sender.send_and_settle(2))
    await asyncio.sleep(0.02)
    assert sender.sent == [1], "nothing new goes out while settling fails"

    store.down = False
    assert await first and await second
    assert store.settled == [1, 2]


def test_the_delay_between_attempts_doubles_up_to_its_cap() -> None:
    policy = SettlingPolicy(first_delay=0.05, max_delay=0.3, give_up_after=10)
    assert [retry_delay(n, policy) for n in (1, 2, 3, 4, 5)] == [0.05, 0.1, 0.2, 0.3, 0.3]


def test_a_window_holds_at_least_one_message() -> None:
    with pytest.raises(ValueError, match="at least one"):
        SendWindow(0)
