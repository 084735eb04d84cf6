"""The kit's guarantees against a real Kafka broker and PostgreSQL: nothing lost,
nothing twice, poison parked."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from uuid import uuid4

import pytest
from samen_contract.topics import events_topic
from samen_kit.service import ServiceRuntime, build_runtime, create_app
from samen_kit.settings import ServiceSettings
from samen_kit.testing.names import new_tenant

from tests.integration.kit import proofkit
from tests.integration.kit.proofkit import effect_counts, enroll, outbox_state, wait_for

pytestmark = pytest.mark.integration


@contextlib.asynccontextmanager
async def running(runtime: ServiceRuntime) -> AsyncIterator[ServiceRuntime]:
    app = create_app(runtime, title=f"proof {runtime.service}")
    async with app.router.lifespan_context(app):
        yield runtime


def tenant() -> str:
    return new_tenant()


async def test_state_change_and_event_commit_together_or_not_at_all(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    runtime = build_runtime(settings_for("consent"))
    with pytest.raises(RuntimeError):
        await enroll(runtime.sessions, runtime.writer, tenant(), fail_before_commit=True)
    assert await outbox_state(runtime.sessions) == {"total": 0, "published": 0}

    await enroll(runtime.sessions, runtime.writer, tenant())
    assert (await outbox_state(runtime.sessions))["total"] == 1
    await runtime.engine.dispose()


async def test_each_event_reaches_the_consumer_and_has_one_effect(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    producer = build_runtime(settings_for("consent"))
    consumer = build_runtime(settings_for("notifications"))
    consumer.add_consumer("proof", proofkit.counting_handler(), sources=["consent"])
    async with running(producer), running(consumer):
        who = tenant()
        pupils = [await enroll(producer.sessions, producer.writer, who) for _ in range(20)]
        counts = await wait_for(
            lambda: _when(effect_counts(consumer.sessions), lambda c: proofkit.all_once(c, pupils))
        )
    assert [counts[p] for p in pupils] == [1] * 20
    assert await outbox_state(producer.sessions) == {"total": 20, "published": 20}


async def test_the_same_event_delivered_three_times_has_one_effect(
    settings_for: Callable[..., ServiceSettings], kafka_bootstrap: str
) -> None:
    from aiokafka import AIOKafkaProducer
    from samen_contract import Envelope
    from samen_contract.codec import encode
    from samen_contract.events.consent import PupilEnrolled

    consumer_settings = settings_for("notifications")
    consumer = build_runtime(consumer_settings)
    consumer.add_consumer("proof", proofkit.counting_handler(), sources=["consent"])
    pupil = uuid4()
    event = PupilEnrolled(pupil_id=pupil, school_id=proofkit.SCHOOL, enrolled_on="2026-08-24")
    envelope = Envelope.for_event(
        event, tenant=tenant(), subject=str(pupil), actor="system:roster-import", sequence=1
    )
    record = encode(envelope, event)
    async with running(consumer):
        kafka = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
        await kafka.start()
        try:
            for _ in range(3):
                await kafka.send_and_wait(
                    consumer_settings.topic_prefix + record.topic,
                    record.value,
                    key=record.key,
                    headers=record.headers,
                )
            # A marker enrolled after the repeats proves all three were consumed.
            marker = uuid4()
            marker_event = PupilEnrolled(
                pupil_id=marker, school_id=proofkit.SCHOOL, enrolled_on="2026-08-24"
            )
            marker_record = encode(
                Envelope.for_event(
                    marker_event,
                    tenant=envelope.tenant,
                    subject=str(marker),
                    actor="system:roster-import",
                    sequence=1,
                ),
                marker_event,
            )
            await kafka.send_and_wait(
                consumer_settings.topic_prefix + marker_record.topic,
                marker_record.value,
                key=record.key,
                headers=marker_record.headers,
            )
        finally:
            await kafka.stop()
        counts = await wait_for(
            lambda: _when(effect_counts(consumer.sessions), lambda c: marker in c)
        )
    assert counts[pupil] == 1


async def test_a_second_relay_stands_by_while_the_first_is_active(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    settings = settings_for("consent")
    first, second = build_runtime(settings), build_runtime(settings)
    async with running(first):
        await asyncio.wait_for(first.relay.active.wait(), 30)
        async with running(second):
            await enroll(first.sessions, first.writer, tenant())
            await wait_for(lambda: _when(outbox_state(first.sessions), lambda s: s["published"]))
            assert first.relay.active.is_set()
            assert not second.relay.active.is_set()
        # When the active relay goes away, the standby takes over.
    async with running(second):
        await asyncio.wait_for(second.relay.active.wait(), 30)


async def test_events_leave_in_commit_order_per_pupil(
    settings_for: Callable[..., ServiceSettings], kafka_bootstrap: str
) -> None:
    from aiokafka import AIOKafkaConsumer
    from samen_contract.codec import decode
    from samen_contract.errors import MalformedRecord

    producer_settings = settings_for("consent")
    producer = build_runtime(producer_settings)
    who = tenant()
    pupil = uuid4()
    async with running(producer):
        await enroll(producer.sessions, producer.writer, who, pupil)
        for _ in range(9):
            async with producer.sessions() as session, session.begin():
                await producer.writer.emit(
                    session,
                    proofkit.PupilEnrolled(
                        pupil_id=pupil, school_id=proofkit.SCHOOL, enrolled_on="2026-08-24"
                    ),
                    tenant=who,
                    subject=str(pupil),
                    actor="system:roster-import",
                )
        await wait_for(
            lambda: _when(outbox_state(producer.sessions), lambda s: s["published"] == 10)
        )
    reader = AIOKafkaConsumer(
        producer_settings.topic_prefix + events_topic("consent"),
        bootstrap_servers=kafka_bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await reader.start()
    sequences: list[int] = []
    try:

        async def collect() -> bool:
            batch = await reader.getmany(timeout_ms=500)
            for records in batch.values():
                for r in records:
                    try:
                        envelope = decode(r.value, list(r.headers)).envelope
                    except MalformedRecord:
                        continue  # other tests on this topic park broken records on purpose
                    if envelope.tenant == who:
                        sequences.append(envelope.sequence)
            return len(sequences) >= 10

        await wait_for(collect)
    finally:
        await reader.stop()
    assert sequences == list(range(1, 11))


async def _when(value: object, predicate: Callable[[object], object]) -> object:
    result = await value  # type: ignore[misc]
    return result if predicate(result) else None


async def test_a_deterministic_event_id_is_written_once_and_spends_one_sequence_number(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    from samen_contract import deterministic_event_id
    from samen_contract.events.consent import PupilEnrolled
    from samen_kit.tables import PupilSequenceRow
    from sqlalchemy import select

    runtime = build_runtime(settings_for("consent"))
    pupil, who = uuid4(), tenant()
    event_id = deterministic_event_id("enrolled", str(pupil))
    event = PupilEnrolled(pupil_id=pupil, school_id=proofkit.SCHOOL, enrolled_on="2026-08-24")
    written = []
    for _ in range(3):  # a scheduler finding the same thing due three times
        async with runtime.sessions() as session, session.begin():
            written.append(
                await runtime.writer.emit(
                    session,
                    event,
                    tenant=who,
                    subject=str(pupil),
                    actor="system:scheduler",
                    event_id=event_id,
                )
            )
    async with runtime.sessions() as session:
        last = (
            await session.execute(
                select(PupilSequenceRow.last).where(PupilSequenceRow.subject == str(pupil))  # type: ignore[arg-type]
            )
        ).scalar_one()
        state = await outbox_state(runtime.sessions)
    await runtime.engine.dispose()
    assert state["total"] == 1
    assert [envelope is not None for envelope in written] == [True, False, False]
    assert last == 1
