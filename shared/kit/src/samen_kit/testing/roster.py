"""Consent facts on the (prefixed) consent topic, published as the consent service would:
a pupil enrolled with their guardians (`RosterPublisher.enrol`), and whether a service's
roster projection knows them yet (`pupil_known`). Services subclass `RosterPublisher`
with the other facts their tests need."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar
from uuid import UUID, uuid4

import pytest
from aiokafka import AIOKafkaProducer
from samen_contract import Envelope, Event
from samen_contract.codec import encode
from samen_contract.events.consent import GuardianshipRecorded, GuardianStanding, PupilEnrolled
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.testing import bus
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

R = TypeVar("R", bound="RosterPublisher")


@dataclass
class Pupil:
    """A pupil the test enrolled: their tenant, ids, board and guardians."""

    tenant: str
    pupil_id: UUID
    school_id: UUID
    board: str
    guardians: tuple[UUID, ...]


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

    async def enrol(
        self,
        tenant: str,
        *,
        guardians: int = 1,
        standing: GuardianStanding | None = None,
        school_id: UUID | None = None,
        board: str | None = None,
        same_ids_as: Pupil | None = None,
    ) -> Pupil:
        """`PupilEnrolled`, then `GuardianshipRecorded` for each guardian (parental
        authority unless `standing` says otherwise). `same_ids_as`: the pupil and guardian
        ids of another tenant's pupil (ids mean something only within their tenant)."""
        pupil = Pupil(
            tenant,
            same_ids_as.pupil_id if same_ids_as else uuid4(),
            school_id or uuid4(),
            board or f"board-{uuid4().hex[:6]}",
            same_ids_as.guardians if same_ids_as else tuple(uuid4() for _ in range(guardians)),
        )
        enrolled = PupilEnrolled(
            pupil_id=pupil.pupil_id, school_id=pupil.school_id, enrolled_on=date(2025, 8, 25)
        )
        await self.publish(
            enrolled,
            tenant=tenant,
            subject=pupil.pupil_id,
            board=pupil.board,
            school=pupil.school_id,
        )
        for guardian in pupil.guardians:
            recorded = GuardianshipRecorded(
                pupil_id=pupil.pupil_id,
                guardian_id=guardian,
                standing=standing or GuardianStanding.PARENTAL_AUTHORITY,
            )
            await self.publish(recorded, tenant=tenant, subject=pupil.pupil_id, board=pupil.board)
        return pupil

    async def send(self, envelope: Envelope, event: Event) -> None:
        """Also for a second delivery of the very same envelope."""
        await bus.send(self._producer, self.prefix, encode(envelope, event))


@contextlib.asynccontextmanager
async def roster_publisher(bootstrap: str, prefix: str, kind: type[R]) -> AsyncIterator[R]:
    """A publisher of `kind` with a producer of its own for as long as the block runs."""
    async with bus.producer(bootstrap) as producer:
        yield kind(producer, prefix)


async def pupil_known(sessions: async_sessionmaker[AsyncSession], pupil: Pupil) -> bool:
    """The consent facts about `pupil` reached the kit's roster projection in the database
    of `sessions`: the pupil and every guardian."""
    from samen_kit.roster import Roster

    async with sessions() as session:
        roster = Roster(session)
        known = await roster.pupil(pupil.tenant, pupil.pupil_id)
        standings = [
            await roster.standing(pupil.tenant, pupil.pupil_id, g) for g in pupil.guardians
        ]
    return known is not None and all(s is not None for s in standings)


async def enrolled(
    publisher: RosterPublisher,
    sessions: async_sessionmaker[AsyncSession],
    tenant: str | None = None,
    **enrol: Any,
) -> Pupil:
    """A pupil `publisher` enrolled (`RosterPublisher.enrol`; in a tenant of its own unless
    `tenant` is given), once the roster projection in the database of `sessions` knows the
    pupil and every guardian."""
    pupil = await publisher.enrol(tenant or new_tenant(), **enrol)
    await wait_for(lambda: pupil_known(sessions, pupil))
    return pupil


async def guardian_of_at_least(
    sessions: async_sessionmaker[AsyncSession], tenant: str, guardian_id: UUID, wanted: int
) -> bool:
    """The kit's roster projection in the database of `sessions` knows the guardian's
    standing towards at least `wanted` pupils (any standing)."""
    from samen_kit.roster import Roster

    async with sessions() as session:
        pupils = await Roster(session).pupils_of_guardian(tenant, guardian_id)
    return len(pupils) >= wanted


def publisher_fixture(name: str, kind: type[R], *, prefix: str = "topic_prefix") -> Any:
    """A session fixture `name`: a publisher of `kind` on the topics under the prefix the
    fixture `prefix` gives. In a conftest: `x = publisher_fixture("x", Kind)`."""

    @pytest.fixture(scope="session", name=name)
    async def publisher(request: pytest.FixtureRequest, kafka_bootstrap: str) -> AsyncIterator[R]:
        topics = request.getfixturevalue(prefix)
        async with roster_publisher(kafka_bootstrap, topics, kind) as made:
            yield made

    return publisher
