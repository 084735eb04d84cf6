"""Benchmark: the plans service's timer scan over many OPPs, beside the raw SQL query.

    uv run python -m tests.bench.bench_plans_due_scan --opps 200000

Seeds one PostgreSQL database (the service's own migrations) with N OPPs of 20 tenants:
support started over the last 400 days, most action parts set within 10 to 60 days (an
evaluation then due a year later), a tenth closed, some timers already reported. Then,
in the same run, times the scan's finding half as the job runs it (`due_timers`: one
indexed query whose rows are the timers due, through the service's session) and the
same SQL straight through asyncpg (no session, no mapping). Prints one JSON object with
both and their ratio. The emitting half writes one transaction per due timer and is
measured by the outbox benchmark. CI runs it at a smoke size only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import secrets
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import asyncpg
from samen_kit import localinfra
from samen_kit.db import asyncpg_dsn, create_engine, session_factory
from samen_kit.migrations import upgrade
from samen_plans.adapters.timers import DUE_TIMERS_SQL, due_timers, due_timers_arguments
from samen_plans.bootstrap import MIGRATIONS
from samen_plans.domain.timers import TimerKind

from tests.bench.frozen_heap import as_served

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TENANTS = [f"swv-bench-{n:02d}" for n in range(20)]
ROUNDS = 7
COLUMNS = (
    "tenant", "opp_id", "pupil_id", "school_id", "support_started_on", "opp_due_on",
    "status", "latest_version", "set_version", "first_set_on", "evaluation_due_on",
    "closed_on", "opp_reported", "evaluation_reported", "evaluation_reported_for",
    "created_by", "created_at",
)  # fmt: skip


async def create_database(server: str) -> str:
    name = f"bench_plans_{secrets.token_hex(3)}"
    conn = await asyncpg.connect(asyncpg_dsn(server))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    url = server.rsplit("/", 1)[0] + "/" + name
    await asyncio.to_thread(upgrade, url, MIGRATIONS)
    return url


async def drop_database(server: str, url: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(server))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
    finally:
        await conn.close()


def opp_rows(count: int, seed: int) -> list[tuple[Any, ...]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        started = TODAY - timedelta(days=rng.randrange(400))
        due = started + timedelta(weeks=6)
        set_on = started + timedelta(days=rng.randrange(10, 60)) if rng.random() < 0.8 else None
        set_on = set_on if set_on and set_on <= TODAY else None
        evaluation = set_on.replace(year=set_on.year + 1) if set_on else None
        closed = TODAY - timedelta(days=1) if rng.random() < 0.1 else None
        reported = rng.random() < 0.3
        rows.append((
            rng.choice(TENANTS), uuid4(), uuid4(), uuid4(), started, due,
            "set" if set_on else "drafting", 1, 1 if set_on else None, set_on, evaluation,
            closed, None if set_on or not reported else TimerKind.OPP_DUE.value,
            TimerKind.EVALUATION_DUE.value if evaluation and reported else None,
            evaluation if reported else None, "ib:bench", NOW,
        ))  # fmt: skip
    return rows


async def seed(url: str, count: int, seed_value: int) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.copy_records_to_table(
            "opp", records=opp_rows(count, seed_value), columns=COLUMNS
        )
        await conn.execute("ANALYZE opp")
    finally:
        await conn.close()


async def best_of(rounds: int, work: Callable[[], Awaitable[int]]) -> tuple[float, int]:
    """The fastest of `rounds` runs (seconds) and what the last run counted."""
    timings, counted = [], 0
    for _ in range(rounds):
        started = time.perf_counter()
        counted = await work()
        timings.append(time.perf_counter() - started)
    return min(timings), counted


async def run(opps: int, *, server: str | None = None, seed_value: int = 0) -> dict[str, Any]:
    server = server or localinfra.ensure_postgres()
    url = await create_database(server)
    engine = create_engine(url)
    sessions = session_factory(engine)
    try:
        await seed(url, opps, seed_value)

        async def scan() -> int:
            async with sessions() as session:
                return len(await due_timers(session, TODAY))

        conn = await asyncpg.connect(asyncpg_dsn(url))
        arguments = due_timers_arguments(TODAY)

        async def raw() -> int:
            return len(await conn.fetch(DUE_TIMERS_SQL, *arguments))

        try:
            with as_served():  # the plans process runs its job with its heap frozen
                raw_seconds, candidates = await best_of(ROUNDS, raw)
                scan_seconds, due = await best_of(ROUNDS, scan)
        finally:
            await conn.close()
    finally:
        await engine.dispose()
        await drop_database(server, url)
    return {
        "benchmark": "plans_due_scan",
        "opps": opps,
        "tenants": len(TENANTS),
        "candidate_rows": candidates,
        "due_timers": due,
        "rounds": ROUNDS,
        "scan_seconds": round(scan_seconds, 4),
        "raw_sql_seconds": round(raw_seconds, 4),
        "ratio_scan_to_raw_sql": round(scan_seconds / raw_seconds, 2) if raw_seconds else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--opps", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.opps, seed_value=args.seed)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
