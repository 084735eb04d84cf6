"""Batch handlers: the kit's consumer hands a claimed batch of one event type to one
call, on a real PostgreSQL inbox; once-only, per-pupil order and parking still hold."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest
from samen_contract import Envelope, Event
from samen_contract.codec import encode
from samen_contract.events.consent import PupilEnrolled, PupilLeft
from samen_kit.consumer import BatchHandler, Delivery, EventConsumer
from samen_kit.db import create_engine, session_factory
from samen_kit.deadletter import DeadLetter, FailedRecord
from samen_kit.driver import driver_connection
from samen_kit.settings import ServiceSettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.integration.kit import proofkit
from tests.integration.kit.proofkit import effect_counts

pytestmark = pytest.mark.integration

TENANT = "swv-batch"
FIRST_DAY = date(2026, 8, 24)

_COUNT = """
INSERT INTO proof_effect (pupil_id, count)
SELECT pupil_id, 1 FROM unnest($1::uuid[]) AS pupil_id
ON CONFLICT (pupil_id) DO UPDATE SET count = proof_effect.count + 1
"""


class ParkedHere:
    """The dead-letter topic, in memory (the edge of these tests)."""

    def __init__(self) -> None:
        self.letters: list[DeadLetter] = []

    async def park(self, dlq_topic: str, letter: DeadLetter) -> None:
        self.letters.append(letter)


class Recorder:
    """A batch handler counting its effect in one statement, and what each call got."""

    def __init__(self, poison: UUID | None = None) -> None:
        self.calls: list[list[tuple[UUID, date]]] = []
        self._poison = poison

    async def __call__(self, session: AsyncSession, deliveries: Sequence[Delivery]) -> None:
        events = [d.event for d in deliveries]
        assert all(isinstance(e, PupilEnrolled) for e in events)
        got = [(e.pupil_id, e.enrolled_on) for e in events if isinstance(e, PupilEnrolled)]
        self.calls.append(got)
        if any(pupil == self._poison for pupil, _ in got):
            raise ValueError("this pupil cannot be handled")
        conn = await driver_connection(session)
        await conn.execute(_COUNT, [pupil for pupil, _ in got])


@pytest.fixture
async def sessions(
    settings_for: Callable[..., ServiceSettings],
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(settings_for("notifications").database_url)
    yield session_factory(engine)
    await engine.dispose()


def consumer_of(
    sessions: async_sessionmaker[AsyncSession],
    batch: BatchHandler,
    parked: ParkedHere,
    left: list[UUID] | None = None,
) -> EventConsumer:
    async def one_record(_session: AsyncSession, delivery: Delivery) -> None:
        assert isinstance(delivery.event, PupilLeft), "enrolments go to the batch handler"
        if left is not None:
            left.append(delivery.event.pupil_id)

    return EventConsumer(
        name="notifications.batch",
        handler=one_record,
        batch_handlers={PupilEnrolled: batch},
        sessions=sessions,
        dead_letters=parked,
        dlq_topic="dlq",
        backoff=0.01,
    )


def record(event: Event, pupil: UUID, sequence: int, offset: int = 0) -> FailedRecord:
    envelope = Envelope.for_event(
        event, tenant=TENANT, subject=str(pupil), actor="system:roster-import", sequence=sequence
    )
    kafka = encode(envelope, event)
    return FailedRecord(
        topic=kafka.topic,
        partition=0,
        offset=offset,
        key=kafka.key,
        value=kafka.value,
        headers=list(kafka.headers),
    )


def enrolment(pupil: UUID, sequence: int = 1, on: date = FIRST_DAY) -> FailedRecord:
    return record(
        PupilEnrolled(pupil_id=pupil, school_id=proofkit.SCHOOL, enrolled_on=on), pupil, sequence
    )


async def test_a_claimed_batch_of_one_type_is_applied_in_one_call(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    batch, parked = Recorder(), ParkedHere()
    pupils = [uuid4() for _ in range(20)]

    await consumer_of(sessions, batch, parked).handle_batch([enrolment(p) for p in pupils])

    assert [sorted(p for p, _ in call) for call in batch.calls] == [sorted(pupils)]
    assert await effect_counts(sessions) == dict.fromkeys(pupils, 1)
    assert parked.letters == []


async def test_a_bad_record_in_a_batch_is_parked_with_its_reason_and_the_rest_applied(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    poison = uuid4()
    healthy = [uuid4() for _ in range(5)]
    batch, parked = Recorder(poison=poison), ParkedHere()

    await consumer_of(sessions, batch, parked).handle_batch(
        [enrolment(p) for p in [*healthy[:2], poison, *healthy[2:]]]
    )

    assert await effect_counts(sessions) == dict.fromkeys(healthy, 1)
    [letter] = parked.letters
    assert letter.reason == "handler_failed"
    assert "this pupil cannot be handled" in letter.error
    assert letter.record.key == str(poison).encode()
    # The batch once, then each record alone: the poison as often as it may be tried.
    assert len(batch.calls[0]) == 6
    assert all(len(call) == 1 for call in batch.calls[1:])


async def test_a_pupils_events_in_one_batch_reach_the_handler_in_their_order_one_per_call(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    batch, parked, left = Recorder(), ParkedHere(), []
    pupil, other = uuid4(), uuid4()
    days = [FIRST_DAY + timedelta(days=n) for n in range(3)]
    records = [
        enrolment(pupil, 1, days[0]),
        enrolment(other, 1),
        enrolment(pupil, 2, days[1]),
        record(PupilLeft(pupil_id=pupil, school_id=proofkit.SCHOOL, left_on=days[1]), pupil, 3),
        enrolment(pupil, 4, days[2]),
    ]

    await consumer_of(sessions, batch, parked, left).handle_batch(records)

    seen = [on for call in batch.calls for p, on in call if p == pupil]
    assert seen == days
    assert all(len({p for p, _ in call}) == len(call) for call in batch.calls)
    assert left == [pupil]
    assert await effect_counts(sessions) == {pupil: 3, other: 1}


async def test_an_older_event_in_a_later_batch_changes_nothing(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    batch, parked = Recorder(), ParkedHere()
    consumer = consumer_of(sessions, batch, parked)
    pupil, other = uuid4(), uuid4()

    await consumer.handle_batch([enrolment(pupil, 2, FIRST_DAY + timedelta(days=1))])
    await consumer.handle_batch([enrolment(pupil, 1), enrolment(other, 1)])

    assert [p for call in batch.calls for p, _ in call] == [pupil, other]
    assert await effect_counts(sessions) == {pupil: 1, other: 1}


async def test_a_batch_delivered_again_after_a_crash_is_applied_once(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    pupils = [uuid4() for _ in range(10)]
    records = [enrolment(p) for p in pupils]

    class CrashAfterApplying(Recorder):
        async def __call__(self, session: AsyncSession, deliveries: Sequence[Delivery]) -> None:
            await super().__call__(session, deliveries)
            raise asyncio.CancelledError  # the process stops before its transaction commits

    with pytest.raises(asyncio.CancelledError):
        await consumer_of(sessions, CrashAfterApplying(), ParkedHere()).handle_batch(records)
    assert await effect_counts(sessions) == {}

    # Started again: the whole batch comes back (no offset was committed) and then,
    # after a crash between the commit and the offset commit, comes back once more.
    restarted = consumer_of(sessions, Recorder(), ParkedHere())
    await restarted.handle_batch(records)
    await restarted.handle_batch([*records, enrolment(extra := uuid4())])

    assert await effect_counts(sessions) == dict.fromkeys([*pupils, extra], 1)
