"""Benchmark: the meetings service's due scan over many OPPs, beside the raw SQL query.

    uv run python tests/bench/bench_meetings_due_scan.py --opps 200000

Seeds one PostgreSQL database (the service's own migrations) with N open OPPs of 20
tenants (two with their own settings), started over the last 400 days, a fifth of them
evaluated since and some already warned about. Then, in the same run, times the due
scan as the scheduler runs it (`handlers.due.find_due`: the SQL pre-filter per tenant,
rows to domain values, `what_is_due`) and the raw SQL query that selects the same rows
(asyncpg, no mapping, no rules). Prints one JSON object with both and their ratio.
CI runs it at a smoke size only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import secrets
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from uuid import uuid4

import asyncpg
from samen_kit import localinfra
from samen_kit.clock import FakeClock
from samen_kit.db import asyncpg_dsn, create_engine, session_factory
from samen_kit.migrations import upgrade
from samen_kit.outbox import EventWriter
from samen_meetings.adapters.due_scan import opp_candidates_statement
from samen_meetings.adapters.settings_repo import SqlTenantSettings
from samen_meetings.bootstrap import MIGRATIONS
from samen_meetings.domain.local_time import local_date
from samen_meetings.domain.settings import TenantSettings
from samen_meetings.handlers.context import Context
from samen_meetings.handlers.due import find_due
from sqlalchemy.dialects import postgresql

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TENANTS = [f"swv-bench-{n:02d}" for n in range(20)]
CUSTOM = {
    TENANTS[0]: TenantSettings(evaluation_interval_months=6, evaluation_lead_weeks=2),
    TENANTS[1]: TenantSettings(evaluation_lead_weeks=3, reminder_local_time=clock_time(8, 0)),
}
ROUNDS = 3
COLUMNS = (
    "opp_id", "tenant", "school_id", "pupil_id", "started_on", "action_part_version",
    "parents_approved", "last_evaluated_on", "cycle_start", "notified_kind",
    "notified_cycle_start", "registered_by",
)  # fmt: skip


async def create_database(server: str) -> str:
    name = f"bench_meetings_{secrets.token_hex(3)}"
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
    today = local_date(NOW)
    rows = []
    for _ in range(count):
        started = today - timedelta(days=rng.randrange(400))
        evaluated = started + timedelta(days=rng.randrange(1, 60)) if rng.random() < 0.2 else None
        evaluated = evaluated if evaluated and evaluated <= today else None
        cycle_start = evaluated or started
        warned = rng.random() < 0.3
        rows.append((
            uuid4(), rng.choice(TENANTS), uuid4(), uuid4(), started, 1, True, evaluated,
            cycle_start, "evaluation_due" if warned else None, cycle_start if warned else None,
            "ib:bench",
        ))  # fmt: skip
    return rows


async def seed(url: str, count: int, seed_value: int) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.copy_records_to_table(
            "opp", records=opp_rows(count, seed_value), columns=COLUMNS
        )
        for tenant, s in CUSTOM.items():
            await conn.execute(
                "INSERT INTO tenant_settings VALUES ($1, $2, $3, $4, $5)",
                tenant, s.evaluation_interval_months, s.evaluation_lead_weeks,
                s.agreement_lead_days, s.reminder_local_time,
            )  # fmt: skip
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


def raw_sql() -> str:
    statement = opp_candidates_statement(NOW, CUSTOM)
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    compiled = statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
    return str(compiled)


async def run(opps: int, *, server: str | None = None, seed_value: int = 0) -> dict[str, Any]:
    server = server or localinfra.ensure_postgres()
    url = await create_database(server)
    engine = create_engine(url)
    try:
        await seed(url, opps, seed_value)
        ctx = Context(session_factory(engine), EventWriter("meetings"), FakeClock(NOW))
        async with ctx.sessions() as session:
            assert await SqlTenantSettings(session).customised() == CUSTOM

        async def scan() -> int:
            return len(await find_due(ctx, NOW))

        sql = raw_sql()
        conn = await asyncpg.connect(asyncpg_dsn(url))
        rows: list[Any] = []

        async def raw() -> int:
            rows[:] = await conn.fetch(sql)
            return len(rows)

        try:
            raw_seconds, raw_rows = await best_of(ROUNDS, raw)
            scan_seconds, due = await best_of(ROUNDS, scan)
        finally:
            await conn.close()
    finally:
        await engine.dispose()
        await drop_database(server, url)
    return {
        "benchmark": "meetings_due_scan",
        "opps": opps,
        "tenants": len(TENANTS),
        "candidate_rows": raw_rows,
        "due_items": due,
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
    result = asyncio.run(run(args.opps, seed_value=args.seed))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
