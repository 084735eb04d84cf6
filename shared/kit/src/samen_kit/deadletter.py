"""Dead letters: a record that could not be handled, parked with its reason.

The dead-letter record keeps the original key, value and headers, and adds headers
that say why, where it came from and which consumer gave up. `replay` strips those and
sends the original back to its topic; consumers are idempotent, so only the one that
failed applies it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from aiokafka import AIOKafkaProducer

PREFIX = "samen_dlq_"


@dataclass(frozen=True)
class FailedRecord:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Sequence[tuple[str, bytes]]


@dataclass(frozen=True)
class DeadLetter:
    consumer: str
    reason: str  # "malformed" | "handler_failed"
    error: str
    attempts: int
    record: FailedRecord

    def headers(self, *, now: datetime | None = None) -> list[tuple[str, bytes]]:
        at = (now or datetime.now(UTC)).isoformat()
        extra = {
            "reason": self.reason,
            "error": self.error[:2000],
            "consumer": self.consumer,
            "attempts": str(self.attempts),
            "topic": self.record.topic,
            "partition": str(self.record.partition),
            "offset": str(self.record.offset),
            "at": at,
        }
        original = [(k, v) for k, v in self.record.headers if not k.startswith(PREFIX)]
        return original + [(PREFIX + k, v.encode()) for k, v in extra.items()]


def original_headers(headers: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    return [(k, v) for k, v in headers if not k.startswith(PREFIX)]


def dlq_info(headers: Sequence[tuple[str, bytes]]) -> dict[str, str]:
    return {k[len(PREFIX) :]: v.decode() for k, v in headers if k.startswith(PREFIX)}


class AbstractDeadLetterSink(Protocol):
    async def park(self, dlq_topic: str, letter: DeadLetter) -> None: ...


class KafkaDeadLetterSink:
    """Parks dead letters on the consuming service's `samen.<service>.dlq` topic."""

    def __init__(self, bootstrap: str) -> None:
        self._bootstrap = bootstrap
        self._producer: AIOKafkaProducer | None = None

    async def start(self) -> None:
        self._producer = AIOKafkaProducer(
            bootstrap_servers=self._bootstrap, acks="all", enable_idempotence=True
        )
        await self._producer.start()

    async def stop(self) -> None:
        if self._producer is not None:
            await self._producer.stop()
            self._producer = None

    async def park(self, dlq_topic: str, letter: DeadLetter) -> None:
        if self._producer is None:
            raise RuntimeError("dead-letter sink not started")
        await self._producer.send_and_wait(
            dlq_topic,
            key=letter.record.key,
            value=letter.record.value,
            headers=letter.headers(),
        )
