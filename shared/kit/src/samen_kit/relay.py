"""The outbox relay: publishes committed outbox rows to Kafka, in id order.

One relay per service is active at a time: it holds a PostgreSQL advisory lock on a
dedicated connection; any other relay stands by, retrying the lock, and takes over when
the active one's connection ends (a crash releases the lock with it). The active relay
wakes on NOTIFY from committing transactions and polls as a safety net.

Each batch is sent with an idempotent producer (`acks=all`) and marked published only
after Kafka acknowledged every record, so a crash in between sends a batch again
(at-least-once); consumers are idempotent on the event id.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import zlib
from typing import Any

import asyncpg
import structlog
from aiokafka import AIOKafkaProducer

from samen_kit.db import asyncpg_dsn
from samen_kit.outbox import OUTBOX_CHANNEL
from samen_kit.tracing import publishing

log = structlog.get_logger(__name__)

_FETCH = """
SELECT id, topic, key, value, headers FROM outbox
WHERE published_at IS NULL ORDER BY id LIMIT $1
"""
_MARK = "UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])"


def advisory_key(service: str) -> int:
    """A stable 32-bit lock key per service (the lock is per database anyway)."""
    return zlib.crc32(f"samen.outbox.relay.{service}".encode())


def make_producer(bootstrap: str) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_batch_size=1024 * 1024,
        request_timeout_ms=30_000,
    )


class OutboxRelay:
    def __init__(
        self,
        *,
        service: str,
        database_url: str,
        kafka_bootstrap: str,
        batch_size: int = 500,
        poll_interval: float = 1.0,
        standby_interval: float = 2.0,
        topic_prefix: str = "",
    ) -> None:
        self.service = service
        self._dsn = asyncpg_dsn(database_url)
        self._bootstrap = kafka_bootstrap
        self._batch_size = batch_size
        self._poll_interval = poll_interval
        self._standby_interval = standby_interval
        self._topic_prefix = topic_prefix
        self._wake = asyncio.Event()
        self.active = asyncio.Event()
        self.published = 0

    async def run(self) -> None:
        """Run until cancelled; reconnects after database or broker failures."""
        while True:
            try:
                await self._run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.active.clear()
                log.warning("outbox.relay.failed", service=self.service, error=repr(exc))
                await asyncio.sleep(self._standby_interval)

    async def _run_once(self) -> None:
        conn: asyncpg.Connection = await asyncpg.connect(self._dsn)
        try:
            await self._acquire_lock(conn)
            await conn.add_listener(OUTBOX_CHANNEL, self._on_notify)
            producer = make_producer(self._bootstrap)
            await producer.start()
            try:
                self.active.set()
                log.info("outbox.relay.active", service=self.service)
                await self._pump(conn, producer)
            finally:
                await producer.stop()
        finally:
            self.active.clear()
            with contextlib.suppress(Exception):
                await asyncio.shield(conn.close())

    async def _acquire_lock(self, conn: asyncpg.Connection) -> None:
        key = advisory_key(self.service)
        # Standing by: another relay holds the lock; polling is the only way to learn
        # that it let go, since PostgreSQL does not notify lock releases.
        while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", key):  # noqa: ASYNC110
            await asyncio.sleep(self._standby_interval)

    def _on_notify(self, *_args: Any) -> None:
        self._wake.set()

    async def _pump(self, conn: asyncpg.Connection, producer: AIOKafkaProducer) -> None:
        while True:
            self._wake.clear()
            sent = await self.publish_batch(conn, producer)
            if sent == self._batch_size:
                continue  # more is waiting
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll_interval)

    async def publish_batch(self, conn: asyncpg.Connection, producer: AIOKafkaProducer) -> int:
        rows = await conn.fetch(_FETCH, self._batch_size)
        if not rows:
            return 0
        futures = []
        for row in rows:
            topic = self._topic_prefix + row["topic"]
            # The span covers handing the record to the producer; Kafka's ack is awaited
            # for the whole batch below.
            with publishing(self.service, topic, _headers(row["headers"])) as headers:
                sent = await producer.send(
                    topic,
                    key=row["key"],
                    value=row["value"],
                    headers=[(name, value.encode()) for name, value in headers],
                )
            futures.append(sent)
        await asyncio.gather(*futures)
        await conn.execute(_MARK, [row["id"] for row in rows])
        self.published += len(rows)
        return len(rows)


def _headers(raw: Any) -> list[tuple[str, str]]:
    pairs = json.loads(raw) if isinstance(raw, str) else raw
    return [(str(name), str(value)) for name, value in pairs]
