"""Consent facts on the (prefixed) consent topic, published as the consent service would;
services subclass `RosterPublisher` with their own `enrol`."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import TypeVar
from uuid import UUID

from aiokafka import AIOKafkaProducer
from samen_contract import Envelope, Event
from samen_contract.codec import encode

from samen_kit.testing import bus

R = TypeVar("R", bound="RosterPublisher")


class RosterPublisher:
    """Numbers each subject's events in order, as the owner of the consent topic does."""

    actor = "system:roster-import"

    def __init__(self, producer: AIOKafkaProducer, prefix: str) -> None:
        self._producer = producer
        self.prefix = prefix
        self._sequence: dict[str, int] = {}

    async def publish(
        self,
        event: Event,
        *,
        tenant: str,
        subject: UUID,
        board: str | None = None,
        school: UUID | None = None,
        event_id: UUID | None = None,
        sequence: int | None = None,
    ) -> Envelope:
        """`sequence`: a number of the test's choosing instead of the next one."""
        key = f"{tenant}/{subject}"
        self._sequence[key] = sequence or self._sequence.get(key, 0) + 1
        envelope = Envelope.for_event(
            event,
            tenant=tenant,
            subject=subject,
            actor=self.actor,
            sequence=self._sequence[key],
            board=board,
            school=school,
            id=event_id,
        )
        await self.send(envelope, event)
        return envelope

    async def send(self, envelope: Envelope, event: Event) -> None:
        """Also for a second delivery of the very same envelope."""
        await bus.send(self._producer, self.prefix, encode(envelope, event))


@contextlib.asynccontextmanager
async def roster_publisher(bootstrap: str, prefix: str, kind: type[R]) -> AsyncIterator[R]:
    """A publisher of `kind` with a producer of its own for as long as the block runs."""
    async with bus.producer(bootstrap) as producer:
        yield kind(producer, prefix)
