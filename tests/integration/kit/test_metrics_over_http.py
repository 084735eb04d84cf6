"""`/metrics` over real HTTP, on a service runtime against real Kafka and PostgreSQL:
the outbox backlog and its age, consumer lag, handler time and dead letters move with
what the service does; counters for facts move only when the transaction commits."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from uuid import UUID, uuid4

import asyncpg
import httpx
import pytest
from prometheus_client import CollectorRegistry, Counter
from prometheus_client.parser import text_string_to_metric_families
from samen_contract.events.consent import PupilEnrolled
from samen_contract.topics import events_topic
from samen_kit.consumer import Delivery, Handler
from samen_kit.db import asyncpg_dsn
from samen_kit.metrics import on_commit
from samen_kit.relay import advisory_key
from samen_kit.service import build_runtime, create_app
from samen_kit.settings import ServiceSettings
from samen_kit.testing.names import new_tenant
from samen_kit.testing.server import serve
from samen_kit.testing.waiting import wait_for
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.integration.kit import proofkit
from tests.integration.kit.proofkit import enroll
from tests.integration.kit.test_outbox_relay_inbox import running

pytestmark = pytest.mark.integration

Labels = tuple[tuple[str, str], ...]


async def scrape(http: httpx.AsyncClient) -> dict[tuple[str, Labels], float]:
    response = await http.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def tenant() -> str:
    return new_tenant()


async def test_an_outbox_whose_relay_stands_by_shows_its_backlog_and_growing_age_until_published(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    settings = settings_for("consent")
    runtime = build_runtime(settings)
    service = (("service", "consent"),)
    # Another relay holds the lock, so this one stands by: as when the active one hangs.
    other_relay = await asyncpg.connect(asyncpg_dsn(settings.database_url))
    await other_relay.fetchval("SELECT pg_advisory_lock($1)", advisory_key("consent"))
    try:
        app = create_app(runtime, title="proof consent")
        async with serve(app) as base_url, httpx.AsyncClient(base_url=base_url) as http:
            empty = await scrape(http)
            assert empty[("samen_outbox_backlog", service)] == 0
            assert empty[("samen_outbox_oldest_age_seconds", service)] == 0
            who = tenant()
            for _ in range(3):
                await enroll(runtime.sessions, runtime.writer, who)
            waiting = await scrape(http)
            await asyncio.sleep(0.3)
            later = await scrape(http)
            assert waiting[("samen_outbox_backlog", service)] == 3
            assert (
                later[("samen_outbox_oldest_age_seconds", service)]
                > waiting[("samen_outbox_oldest_age_seconds", service)]
            )
            # The counter is the process's: other tests in this session may have published.
            published_before = empty[("samen_outbox_published_total", service)]
            assert later[("samen_outbox_published_total", service)] == published_before

            await other_relay.close()  # its lock goes with it; this relay takes over
            drained = await wait_for(
                lambda: _when_published(http, service, published_before + 3), within=20
            )
    finally:
        if not other_relay.is_closed():
            await other_relay.close()
    assert drained[("samen_outbox_backlog", service)] == 0
    assert drained[("samen_outbox_oldest_age_seconds", service)] == 0


async def _when_published(
    http: httpx.AsyncClient, service: Labels, count: float
) -> dict[tuple[str, Labels], float] | None:
    # One scrape reads the backlog, then the relay's count: a batch marked in between
    # shows as counted and still waiting, so wait for the two to agree.
    found = await scrape(http)
    done = found[("samen_outbox_published_total", service)] == count
    return found if done and found[("samen_outbox_backlog", service)] == 0 else None


def gated(gate: UUID, entered: asyncio.Event, opened: asyncio.Event, poison: UUID) -> Handler:
    """Counts enrolments; holds the gate pupil's batch until `opened`; fails on `poison`."""
    counting = proofkit.counting_handler(lambda pupil: pupil == poison)

    async def handle(session: AsyncSession, delivery: Delivery) -> None:
        event = delivery.event
        if isinstance(event, PupilEnrolled) and event.pupil_id == gate:
            entered.set()
            await opened.wait()
        await counting(session, delivery)

    return handle


async def test_a_consumer_held_up_shows_lag_then_its_handler_time_and_dead_letters_move(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    producer = build_runtime(settings_for("consent"))
    consumer_settings = settings_for("notifications")
    consumer = build_runtime(consumer_settings)
    gate, poison = uuid4(), uuid4()
    entered, opened = asyncio.Event(), asyncio.Event()
    name = f"metrics{uuid4().hex[:6]}"
    consumer.add_consumer(name, gated(gate, entered, opened, poison), sources=["consent"])
    group = consumer_settings.topic_prefix + f"samen.notifications.{name}"
    topic = consumer_settings.topic_prefix + events_topic("consent")
    lag_key = (
        "samen_consumer_lag",
        (("group", group), ("service", "notifications"), ("topic", topic)),
    )
    handled = (
        "samen_handler_seconds_count",
        (("consumer", f"notifications.{name}"), ("service", "notifications")),
    )
    parked = (
        "samen_dead_letters_total",
        (
            ("consumer", f"notifications.{name}"),
            ("reason", "handler_failed"),
            ("service", "notifications"),
        ),
    )
    app = create_app(consumer, title="proof notifications")
    async with (
        running(producer),
        serve(app) as base_url,
        httpx.AsyncClient(base_url=base_url) as http,
    ):
        try:
            who = tenant()
            await enroll(producer.sessions, producer.writer, who, gate)
            async with asyncio.timeout(30):
                await entered.wait()
            behind = [await enroll(producer.sessions, producer.writer, who) for _ in range(5)]

            async def lagging() -> float:
                return (await scrape(http)).get(lag_key, 0)

            assert await wait_for(lagging) > 0
            held = await scrape(http)

            opened.set()
            await enroll(producer.sessions, producer.writer, who, poison)
            await wait_for(lambda: _effects_of(consumer.sessions, behind))

            async def caught_up() -> dict[tuple[str, Labels], float] | None:
                found = await scrape(http)
                done = found.get(parked, 0) == 1 and found.get(lag_key) == 0
                return found if done else None

            after = await wait_for(caught_up)
        finally:
            opened.set()  # a failing test must not leave the consumer held
    assert after[handled] > held.get(handled, 0)


async def _effects_of(sessions: async_sessionmaker[AsyncSession], pupils: list[UUID]) -> bool:
    counts = await proofkit.effect_counts(sessions)
    return all(counts.get(pupil) == 1 for pupil in pupils)


# A registry of its own: the test's counter is not among what services export.
TEST_REGISTRY = CollectorRegistry()
COMMITTED = Counter("committed", "Facts kept.", ["case"], registry=TEST_REGISTRY)


def committed(case: str) -> float:
    return TEST_REGISTRY.get_sample_value("committed_total", {"case": case}) or 0.0


async def test_a_fact_is_counted_when_its_transaction_commits_and_not_when_it_rolls_back(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    runtime = build_runtime(settings_for("consent"))
    async with runtime.sessions() as session, session.begin():
        on_commit(session, COMMITTED.labels("kept").inc)
        assert committed("kept") == 0  # not yet: the transaction is open
    with pytest.raises(RuntimeError):
        async with runtime.sessions() as session, session.begin():
            on_commit(session, COMMITTED.labels("undone").inc)
            raise RuntimeError("the unit of work fails")
    async with runtime.sessions() as session, session.begin():
        pass  # a later commit on a new session does not run the forgotten callback
    await runtime.engine.dispose()
    assert (committed("kept"), committed("undone")) == (1, 0)
