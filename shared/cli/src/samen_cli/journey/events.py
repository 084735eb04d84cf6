"""Watching the platform's events: every service's topic read from the beginning, each
record decoded with the contract's codec and kept when it belongs to the tenant.

The journey waits on these (the platform says `ConsentGiven`, not a guess from a
page), and the end-to-end test checks every one of them afterwards.
"""

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
from samen_contract.topics import SERVICES, events_topic

from samen_cli.journey.polling import until


@dataclass(frozen=True)
class Seen:
    topic: str
    partition: int
    offset: int
    envelope: Envelope
    event: Event | None
    data: dict[str, Any]

    @property
    def name(self) -> str:
        """`samen.consent.ConsentGiven.v1` -> `ConsentGiven`."""
        return self.envelope.type.split(".")[2]

    @property
    def id(self) -> str:
        return self.envelope.id


Where = Callable[[Seen], bool]


class EventWatch:
    def __init__(self, bootstrap: str, topic_prefix: str, tenant: str) -> None:
        self.tenant = tenant
        self.topics = [topic_prefix + events_topic(service) for service in SERVICES]
        self.seen: list[Seen] = []
        self.malformed = 0
        self._consumer = AIOKafkaConsumer(
            *self.topics,
            bootstrap_servers=bootstrap,
            group_id=None,  # a reader of its own: no offsets committed, all partitions
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )
        self._pump: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Self:
        await self._consumer.start()
        self._pump = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *_exc_info: object) -> None:
        if self._pump is not None:
            self._pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pump
        await self._consumer.stop()

    async def _read(self) -> None:
        while True:
            batches = await self._consumer.getmany(timeout_ms=200, max_records=2000)
            for records in batches.values():
                for record in records:
                    self._keep(record)

    def _keep(self, record: Any) -> None:
        try:
            envelope, event, data = decode(record.value, list(record.headers or ()))
        except MalformedRecord:
            self.malformed += 1
            return
        if envelope.tenant == self.tenant:
            self.seen.append(
                Seen(record.topic, record.partition, record.offset, envelope, event, data)
            )

    def named(self, name: str, where: Where | None = None) -> list[Seen]:
        return [s for s in self.seen if s.name == name and (where is None or where(s))]

    async def wait(self, name: str, where: Where | None = None, *, count: int = 1,
                   within: float = 60.0) -> list[Seen]:  # fmt: skip
        """The first `count` events called `name` (that match `where`), once seen."""

        async def probe() -> list[Seen] | None:
            found = self.named(name, where)
            return found[:count] if len(found) >= count else None

        return await until(probe, what=f"{count} × {name}", within=within, every=0.1)

    async def caught_up(self, within: float = 60.0) -> None:
        """Read up to each partition's end as it is now: nothing sent before is missed."""

        async def assigned() -> list[TopicPartition]:
            return list(self._consumer.assignment())

        partitions = await until(assigned, what="the topics' partitions", within=within)
        ends: dict[TopicPartition, int] = await self._consumer.end_offsets(partitions)

        async def probe() -> bool:
            positions = [await self._consumer.position(tp) for tp in partitions]
            return all(pos >= ends[tp] for pos, tp in zip(positions, partitions, strict=True))

        await until(probe, what="reading every topic to its end", within=within, every=0.1)
