"""Outbox -> Kafka -> inbox consumer throughput, beside the raw pipes, in one run.

    uv run python tests/bench/bench_outbox.py --events 20000 [--profile]

Two workloads: one event per transaction (the API case) and 100 per transaction
(imports, broadcasts). In the same run the raw pipes are timed: aiokafka produce and
consume alone, and PostgreSQL insert-and-commit alone at the same granularity. Prints
every rate (events per second) and the ratio of each pipeline to its slower raw pipe
as JSON. With `--profile`, a cProfile summary of the batched pipeline goes to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import json
import pstats
import secrets
import sys
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from samen_contract.events.consent import PupilEnrolled
from samen_contract.topics import events_topic_spec
from samen_kit import localinfra
from samen_kit.consumer import Delivery
from samen_kit.db import asyncpg_dsn
from samen_kit.driver import driver_connection
from samen_kit.outbox import Emission, emit
from samen_kit.service import ServiceRuntime, build_runtime, create_app
from samen_kit.settings import ServiceSettings
from samen_kit.testing.schema import create_kit_tables
from samen_kit.topics import ensure_topics
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
SCHOOL = UUID("00000000-0000-4000-8000-00000000000b")


async def _database(server: str, label: str) -> str:
    name = f"bench_{label}_{secrets.token_hex(3)}"
    conn = await asyncpg.connect(asyncpg_dsn(server))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    url = server.rsplit("/", 1)[0] + "/" + name
    engine = create_async_engine(url)
    async with engine.begin() as c:
        await c.run_sync(create_kit_tables)
        await c.execute(text("CREATE TABLE effect (pupil_id uuid PRIMARY KEY, n int NOT NULL)"))
    await engine.dispose()
    return url


_COUNT_EFFECTS = """
INSERT INTO effect (pupil_id, n) SELECT pupil_id, 1 FROM unnest($1::uuid[]) AS pupil_id
ON CONFLICT (pupil_id) DO UPDATE SET n = effect.n + 1
"""


async def _count_effects(session: AsyncSession, deliveries: Sequence[Delivery]) -> None:
    """The effect of a whole claimed batch in one statement (the kit's batch handler)."""
    pupils = []
    for delivery in deliveries:
        assert isinstance(delivery.event, PupilEnrolled)
        pupils.append(delivery.event.pupil_id)
    conn = await driver_connection(session)
    await conn.execute(_COUNT_EFFECTS, pupils)


async def _no_other_events(_session: AsyncSession, delivery: Delivery) -> None:
    raise AssertionError(f"the benchmark emits only PupilEnrolled, not {delivery.envelope.type}")


@contextlib.asynccontextmanager
async def _running(runtime: ServiceRuntime) -> AsyncIterator[None]:
    app = create_app(runtime, title="bench")
    async with app.router.lifespan_context(app):
        yield


async def pipeline(server: str, bootstrap: str, events: int, per_tx: int) -> float:
    prefix = f"bench{secrets.token_hex(3)}."
    common: dict[str, Any] = {
        "kafka_bootstrap": bootstrap,
        "topic_prefix": prefix,
        "outbox_poll_ms": 100,
        "log_level": "WARNING",
    }
    producer = build_runtime(
        ServiceSettings(service="consent", database_url=await _database(server, "out"), **common)
    )
    consumer = build_runtime(
        ServiceSettings(
            service="notifications", database_url=await _database(server, "in"), **common
        )
    )
    consumer.add_consumer(
        "bench",
        _no_other_events,
        sources=["consent"],
        batch_handlers={PupilEnrolled: _count_effects},
    )
    tenant = f"swv-bench-{secrets.token_hex(3)}"
    from tests.bench.frozen_heap import as_served  # importable once the root is on the path

    # Both runtimes built and started, the heap frozen as a service's `serve` freezes it.
    async with _running(producer), _running(consumer):
        with as_served():
            started = time.perf_counter()
            for _ in range(events // per_tx):
                async with producer.sessions() as session, session.begin():
                    await _write(producer, session, tenant, per_tx)
            while await _effects(consumer) < events:  # noqa: ASYNC110 - another process's effect
                await asyncio.sleep(0.05)
            elapsed = time.perf_counter() - started
    return events / elapsed


async def _write(runtime: ServiceRuntime, session: AsyncSession, tenant: str, count: int) -> None:
    """One event per transaction goes through `emit` (the API case); a batch through
    `emit_many` (what imports and broadcasts use)."""
    emissions = []
    for _ in range(count):
        pupil = uuid4()
        event = PupilEnrolled(pupil_id=pupil, school_id=SCHOOL, enrolled_on=date(2026, 8, 24))
        emissions.append(Emission(event, tenant=tenant, subject=str(pupil), actor="system:bench"))
    if count == 1:
        await emit(session, emissions[0].event, **emissions[0].facts)
    else:
        await runtime.writer.emit_many(session, emissions)


async def _effects(runtime: ServiceRuntime) -> int:
    async with runtime.sessions() as session:
        return int((await session.execute(text("SELECT count(*) FROM effect"))).scalar_one())


async def raw_kafka(bootstrap: str, events: int, value: bytes) -> tuple[float, float]:
    topic = f"bench{secrets.token_hex(3)}.raw"
    # The same shape as an events topic, so the raw pipe and the pipeline compare fairly.
    await ensure_topics(bootstrap, [replace(events_topic_spec("consent"), name=topic)])
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=5
    )
    await producer.start()
    started = time.perf_counter()
    futures = [await producer.send(topic, value, key=str(i).encode()) for i in range(events)]
    await asyncio.gather(*futures)
    produce = events / (time.perf_counter() - started)
    await producer.stop()
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=f"{topic}.g"
    )
    await consumer.start()
    started, seen = time.perf_counter(), 0
    while seen < events:
        batch = await consumer.getmany(timeout_ms=500, max_records=5000)
        seen += sum(len(records) for records in batch.values())
    consume = events / (time.perf_counter() - started)
    await consumer.stop()
    return produce, consume


async def raw_postgres(server: str, events: int, per_tx: int, row: bytes) -> float:
    url = await _database(server, "raw")
    conn = await asyncpg.connect(asyncpg_dsn(url))
    await conn.execute("CREATE TABLE raw (id bigserial PRIMARY KEY, value bytea NOT NULL)")
    started = time.perf_counter()
    for _ in range(events // per_tx):
        async with conn.transaction():
            for _ in range(per_tx):
                await conn.execute("INSERT INTO raw (value) VALUES ($1)", row)
    rate = events / (time.perf_counter() - started)
    await conn.close()
    return rate


async def main(
    events: int, profile: bool, *, bootstrap: str | None = None, server: str | None = None
) -> dict[str, Any]:
    bootstrap = bootstrap or localinfra.ensure_kafka()
    server = server or localinfra.ensure_postgres()
    sample = PupilEnrolled(pupil_id=uuid4(), school_id=SCHOOL, enrolled_on=date(2026, 8, 24))
    value = sample.model_dump_json().encode()
    produce, consume = await raw_kafka(bootstrap, events, value)
    results: dict[str, Any] = {
        "events": events,
        "raw": {"kafka_produce_per_s": round(produce), "kafka_consume_per_s": round(consume)},
    }
    for per_tx in (1, 100):
        pg = await raw_postgres(server, events, per_tx, value)
        profiler = cProfile.Profile() if profile and per_tx == 100 else None
        if profiler:
            profiler.enable()
        rate = await pipeline(server, bootstrap, events, per_tx)
        if profiler:
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
            print(out.getvalue(), file=sys.stderr)
        slowest_raw = min(produce, consume, pg)
        results[f"per_tx_{per_tx}"] = {
            "pipeline_per_s": round(rate),
            "raw_postgres_insert_commit_per_s": round(pg),
            "slower_raw_pipe_per_s": round(slowest_raw),
            "ratio_to_slower_raw_pipe": round(rate / slowest_raw, 3),
        }
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.events, args.profile)), indent=2))
