"""A tap on an event topic: every record since the tap started, decoded, in memory."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

from aiokafka import AIOKafkaConsumer, TopicPartition
from samen_contract import Envelope, Event
from samen_contract.codec import decode
from samen_contract.errors import MalformedRecord
from samen_contract.topics import EVENT_TOPIC_PARTITIONS


@dataclass(frozen=True)
class Seen:
    """One record on the topic: its envelope, event (None if unknown), raw data, place."""

    envelope: Envelope
    event: Event | None
    data: dict[str, Any]
    key: bytes
    partition: int

    @property
    def name(self) -> str:
        return self.envelope.type.split(".")[2]


class EventTap:
    """Reads all partitions of `topic` from the start (no group; the topic may not exist
    yet); records that do not decode are skipped. Use as `async with` or start/stop."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        self.topic = topic
        self.seen: list[Seen] = []
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
        )
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self._consumer.start()
        self._consumer.assign(
            [TopicPartition(self.topic, p) for p in range(EVENT_TOPIC_PARTITIONS)]
        )
        self._task = asyncio.create_task(self._read())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._consumer.stop()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def _read(self) -> None:
        async for record in self._consumer:
            try:
                envelope, event, data = decode(record.value, list(record.headers))
            except MalformedRecord:
                continue
            self.seen.append(Seen(envelope, event, data, record.key or b"", record.partition))

    def of(self, tenant: str, *names: str | None) -> list[Seen]:
        """The tenant's records, of the types `names` when given."""
        wanted = {n for n in names if n is not None}
        return [
            s for s in self.seen if s.envelope.tenant == tenant and (not wanted or s.name in wanted)
        ]

    def has_ids(self, ids: set[str]) -> bool:
        return ids <= {s.envelope.id for s in self.seen}

    async def wait(
        self, tenant: str, predicate: Callable[[list[Seen]], bool], *, within: float = 30.0
    ) -> list[Seen]:
        """Poll until the tenant's records satisfy `predicate`; no bare sleeps."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while not predicate(self.of(tenant)):
            if loop.time() > deadline:
                names = [s.name for s in self.of(tenant)]
                raise AssertionError(f"events of {tenant} never matched; saw {names}")
            await asyncio.sleep(0.1)
        return self.of(tenant)

    async def wait_for_one(self, tenant: str, name: str, *, within: float = 30.0) -> list[Seen]:
        """Poll until the tenant has a record of type `name`; all the tenant's records."""
        return await self.wait(
            tenant, lambda seen: any(s.name == name for s in seen), within=within
        )

    async def settle(self, tenant: str, *, quiet: float = 1.5) -> list[Seen]:
        """The tenant's records once nothing new arrived for `quiet` seconds (to show that
        something was *not* emitted)."""
        count = -1
        while count != len(self.of(tenant)):
            count = len(self.of(tenant))
            await asyncio.sleep(quiet)
        return self.of(tenant)
