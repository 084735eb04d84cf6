"""Put records on the real bus from a test, under a topic prefix."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterable

from aiokafka import AIOKafkaProducer
from samen_contract.codec import KafkaRecord


@contextlib.asynccontextmanager
async def producer(bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    """A started producer that waits for all replicas; stopped afterwards."""
    started = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await started.start()
    try:
        yield started
    finally:
        await started.stop()


async def send(to: AIOKafkaProducer, prefix: str, record: KafkaRecord) -> None:
    """One encoded record on its (prefixed) topic."""
    await to.send_and_wait(
        prefix + record.topic, record.value, key=record.key, headers=list(record.headers)
    )


async def publish(
    bootstrap: str, prefix: str, records: Iterable[KafkaRecord], *, times: int = 1
) -> None:
    """Each record on its topic, the whole run `times` times (redelivery)."""
    records = list(records)
    async with producer(bootstrap) as to:
        for _ in range(times):
            for record in records:
                await send(to, prefix, record)
