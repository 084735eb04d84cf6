"""Benchmark: appending events to the audit log, against a raw PostgreSQL insert of the same rows.

    uv run python tests/bench/bench_audit_append.py --events 100000 [--tenants 10] [--batch 500]

Encodes N consent events as Kafka records (CloudEvents binary mode) over a few tenants,
then in the same run times:

- the append path: each record read and canonicalised (RFC 8785), hashed, deduplicated
  by event id, given its leaf index under the tenant's lock, the frontier grown and the
  completed nodes stored — one transaction per batch, as the consumer does;
- a raw insert of the very rows that path wrote (leaves and bodies), in the same batches,
  into tables without triggers or secondary indexes.

Prints one JSON object with both rates and their ratio. CI runs it at a smoke size only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import asyncpg
from aiokafka import ConsumerRecord
from samen_archive.merkle import root_hash
from samen_audit.bootstrap import MIGRATIONS
from samen_audit.entrypoints.consumers import to_leaf_record
from samen_audit.handlers.appending import append_batch
from samen_contract import Envelope
from samen_contract.codec import encode
from samen_contract.events.consent import ConsentGiven
from samen_kit import localinfra
from samen_kit.db import asyncpg_dsn, create_engine, session_factory
from samen_kit.migrations import upgrade
from samen_kit.testing.databases import scratch_database

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RAW_TABLES = """
CREATE TABLE raw_leaf (tenant text, leaf_index bigint, leaf_hash bytea, event_id text,
    event_type text, occurred_at timestamptz, school text, subject text,
    PRIMARY KEY (tenant, leaf_index));
CREATE TABLE raw_body (tenant text, leaf_index bigint, entry bytea,
    PRIMARY KEY (tenant, leaf_index));
"""
RAW_LEAVES = """
INSERT INTO raw_leaf SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::text[],
    $5::text[], $6::timestamptz[], $7::text[], $8::text[])
"""
RAW_BODIES = "INSERT INTO raw_body SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[])"
READ_BACK = """
SELECT l.tenant, l.leaf_index, l.leaf_hash, l.event_id, l.event_type, l.occurred_at, l.school,
       l.subject, b.entry
FROM audit_leaf l JOIN audit_body b USING (tenant, leaf_index)
ORDER BY l.recorded_at, l.tenant, l.leaf_index
"""


def records(count: int, tenants: int) -> list[ConsumerRecord[bytes, bytes]]:
    """Consent events spread over the tenants, as a consumer polls them from one topic."""
    names = [f"bench-{i:02d}" for i in range(tenants)]
    school = uuid4()
    made = []
    for offset in range(count):
        pupil = uuid4()
        event = ConsentGiven(request_id=uuid4(), pupil_id=pupil, purpose="mdo", purpose_version=1)
        envelope = Envelope.for_event(
            event,
            tenant=names[offset % tenants],
            subject=pupil,
            actor="system:bench",
            sequence=1,
            school=school,
            time=AT,
        )
        record = encode(envelope, event)
        made.append(_consumer_record(record.topic, offset, record.value, record.headers))
    return made


def _consumer_record(
    topic: str, offset: int, value: bytes, headers: list[tuple[str, bytes]]
) -> ConsumerRecord[bytes, bytes]:
    return ConsumerRecord(
        topic=topic,
        partition=0,
        offset=offset,
        timestamp=0,
        timestamp_type=0,
        key=None,
        value=value,
        checksum=None,
        serialized_key_size=0,
        serialized_value_size=len(value),
        headers=headers,
    )


async def append_path(url: str, polled: list[Any], batch: int) -> float:
    engine = create_engine(url)
    sessions = session_factory(engine)
    started = time.perf_counter()
    for start in range(0, len(polled), batch):
        leaf_records = [to_leaf_record(raw) for raw in polled[start : start + batch]]
        await append_batch(sessions, leaf_records, AT)
    seconds = time.perf_counter() - started
    await engine.dispose()
    return seconds


async def raw_insert(url: str, rows: list[asyncpg.Record], batch: int) -> float:
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await connection.execute(RAW_TABLES)
        started = time.perf_counter()
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            columns = list(zip(*chunk, strict=True))
            async with connection.transaction():
                await connection.execute(RAW_LEAVES, *columns[:8])
                await connection.execute(RAW_BODIES, columns[0], columns[1], columns[8])
        return time.perf_counter() - started
    finally:
        await connection.close()


async def written_rows(url: str) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return list(await connection.fetch(READ_BACK))
    finally:
        await connection.close()


def roots_hold(rows: list[asyncpg.Record], url_frontiers: dict[str, bytes]) -> bool:
    by_tenant: dict[str, list[bytes]] = {}
    for row in sorted(rows, key=lambda r: (r["tenant"], r["leaf_index"])):
        by_tenant.setdefault(row["tenant"], []).append(bytes(row["leaf_hash"]))
    return all(root_hash(leaves) == url_frontiers[t] for t, leaves in by_tenant.items())


async def frontier_roots(url: str) -> dict[str, bytes]:
    from samen_audit.domain.frontier import Frontier

    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        found = await connection.fetch(
            "SELECT DISTINCT ON (tenant) tenant, tree_size, roots FROM audit_frontier"
            " ORDER BY tenant, tree_size DESC"
        )
    finally:
        await connection.close()
    return {
        r["tenant"]: Frontier.from_bytes(r["tree_size"], bytes(r["roots"])).root() for r in found
    }


async def run(events: int, tenants: int, batch: int, server: str | None = None) -> dict[str, Any]:
    server = server or localinfra.ensure_postgres()
    polled = records(events, tenants)
    # A database of its own, dropped afterwards (tried again while autovacuum holds it).
    async with scratch_database(server, "bench_audit") as url:
        await asyncio.to_thread(upgrade, url, MIGRATIONS)
        append_seconds = await append_path(url, polled, batch)
        rows = await written_rows(url)
        raw_seconds = await raw_insert(url, rows, batch)
        ok = len(rows) == events and roots_hold(rows, await frontier_roots(url))
    return {
        "benchmark": "audit_append",
        "events": events,
        "tenants": tenants,
        "batch": batch,
        "ok": ok,
        "append_seconds": round(append_seconds, 3),
        "append_per_second": round(events / append_seconds),
        "raw_insert_seconds": round(raw_seconds, 3),
        "raw_insert_per_second": round(events / raw_seconds),
        "ratio_append_to_raw": round(append_seconds / raw_seconds, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--tenants", type=int, default=10)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    result = asyncio.run(run(args.events, args.tenants, args.batch))
    print(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
