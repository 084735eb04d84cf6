"""Benchmark: a broadcast to N guardians through the whole notifications service, and
the raw pipe (aiosmtplib straight into the same aiosmtpd server) for the same count.

    uv run python -m tests.bench.bench_broadcast --guardians 20000

The local SMTP server runs in its own process (`samen_kit.localinfra.mailserver`).
The service runs in this process against real PostgreSQL and Kafka: a staff member's
POST /v1/broadcasts plans one notification per guardian; the dispatcher renders each
message (template, language) and sends it over SMTP, records it and writes
`NotificationSent` to the outbox; the relay publishes those. The clock stops when the
server has every Message-ID.

The raw pipe is aiosmtplib straight into the same server with no Samen logic: the same
count of messages of the same size (one of the broadcast's own messages, re-sent with
a fresh Message-ID each time) over as many connections as the service's sender uses.
`raw_minimal` is the same with a 150-byte message over one connection, for reference.
Prints one JSON object: the rates and the ratio samen/raw.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import aiosmtplib
import asyncpg
import httpx
from samen_kit.access import Role, StaticJwks, mint_staff_token
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, public_jwks
from samen_kit.access.testing import new_signing_key
from samen_kit.db import asyncpg_dsn
from samen_kit.logging import configure_logging
from samen_kit.migrations import upgrade
from samen_kit.testing.server import serve
from samen_notifications.bootstrap import build_service
from samen_notifications.migrations import MIGRATIONS
from samen_notifications.settings import NotificationsSettings
from sqlalchemy.engine import make_url

from tests.bench.bench_smtp import copy_message, free_port, mail_server, minimal, raw_pipe
from tests.bench.infra_arguments import add_infra_arguments

LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
CONNECTIONS = NotificationsSettings().smtp_connections


def main() -> int:
    configure_logging(json=True, level="WARNING")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guardians", type=int, default=20_000)
    add_infra_arguments(parser)
    args = parser.parse_args()
    result = asyncio.run(run(args.guardians, bootstrap=args.kafka, server=args.server))
    print(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


async def run(guardians: int, *, bootstrap: str, server: str, batch: int = 500) -> dict[str, Any]:
    database = await _fresh_database(server)
    try:
        with tempfile.TemporaryDirectory() as folder, mail_server(Path(folder)) as port:
            tenant, school = f"swv-bench-{uuid.uuid4().hex[:6]}", uuid.uuid4()
            await seed_school(database, tenant, school, guardians)
            samen = await _broadcast(
                database, bootstrap, port, tenant, school, guardians, batch, Path(folder)
            )
            arrived = _index(Path(folder))
            busiest = await _busiest_key_share(database)
            sample = (Path(folder) / arrived[0]["file"]).read_bytes()
            raw = await raw_smtp(
                port, [copy_message(sample, n) for n in range(guardians)], CONNECTIONS
            )
            minimal_raw = await raw_smtp(port, [minimal(n) for n in range(guardians)], 1)
    finally:
        await _drop(server, database)
    ids = [entry["message_id"] for entry in arrived]
    return {
        "benchmark": "broadcast",
        "guardians": guardians,
        "ok": len(set(ids)) == guardians,
        "samen": {
            "seconds": round(samen, 3),
            "messages_per_second": round(guardians / samen, 1),
            "duplicates_at_server": len(ids) - len(set(ids)),
            "dispatch_batch": batch,
            # One key is one partition: the share of the outbox's busiest key bounds
            # how much of the topic one partition (and one sequence counter) carries.
            "busiest_key_share": busiest,
        },
        "raw": {
            "seconds": round(raw, 3),
            "messages_per_second": round(guardians / raw, 1),
            "bytes_per_message": len(sample),
            "connections": CONNECTIONS,
        },
        "raw_minimal": {
            "seconds": round(minimal_raw, 3),
            "messages_per_second": round(guardians / minimal_raw, 1),
            "connections": 1,
        },
        "ratio_samen_to_raw": round(raw / samen, 3),
    }


async def _busiest_key_share(database: str) -> float:
    conn = await asyncpg.connect(asyncpg_dsn(database))
    try:
        share = await conn.fetchval(
            "SELECT max(n)::float / sum(n) FROM (SELECT count(*) AS n FROM outbox GROUP BY key) k"
        )
    finally:
        await conn.close()
    return round(float(share or 0.0), 4)


async def _fresh_database(server: str) -> str:
    name = f"bench_broadcast_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(asyncpg_dsn(server))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    await asyncio.to_thread(upgrade, url, MIGRATIONS)
    return url


async def _drop(server: str, database: str) -> None:
    name = make_url(database).database
    conn = await asyncpg.connect(asyncpg_dsn(server))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def seed_school(
    database: str,
    tenant: str,
    school: uuid.UUID,
    guardians: int,
    languages: tuple[str, ...] = LANGUAGES,
) -> list[uuid.UUID]:
    """`guardians` pupils at one school, each with one guardian with an e-mail address,
    their languages taken in turn from `languages`; returns the guardians' ids."""
    pupils = [uuid.uuid4() for _ in range(guardians)]
    parents = [uuid.uuid4() for _ in range(guardians)]
    conn = await asyncpg.connect(asyncpg_dsn(database))
    try:
        await conn.execute(
            "INSERT INTO school (tenant, school_id, name) VALUES ($1, $2, 'OBS De Regenboog')",
            tenant,
            school,
        )
        await conn.copy_records_to_table(
            "roster_pupil",
            records=[(tenant, p, school) for p in pupils],
            columns=["tenant", "pupil_id", "school_id"],
        )
        await conn.copy_records_to_table(
            "pupil_name",
            records=[(tenant, p, "Noor") for p in pupils],
            columns=["tenant", "pupil_id", "first_name"],
        )
        await conn.copy_records_to_table(
            "roster_guardianship",
            records=[
                (tenant, p, g, "parental_authority") for p, g in zip(pupils, parents, strict=True)
            ],
            columns=["tenant", "pupil_id", "guardian_id", "standing"],
        )
        await conn.copy_records_to_table(
            "guardian_contact",
            records=[
                (tenant, g, f"ouder{i}@example.nl", languages[i % len(languages)], "{}", False)
                for i, g in enumerate(parents)
            ],
            columns=[
                "tenant",
                "guardian_id",
                "email",
                "language",
                "channel_choices",
                "do_not_contact",
            ],
        )
    finally:
        await conn.close()
    return parents


async def _broadcast(
    database: str,
    bootstrap: str,
    smtp_port: int,
    tenant: str,
    school: uuid.UUID,
    guardians: int,
    batch: int,
    folder: Path,
) -> float:
    staff_key = new_signing_key()
    settings = NotificationsSettings(
        database_url=database,
        kafka_bootstrap=bootstrap,
        topic_prefix=f"bench{uuid.uuid4().hex[:6]}.",
        smtp_port=smtp_port,
        dispatch_batch_size=batch,
        dispatch_poll_ms=20,
        log_level="WARNING",
    )
    service = build_service(
        settings, guardian_key=new_signing_key(), staff_jwks=StaticJwks(public_jwks(staff_key))
    )
    token = mint_staff_token(
        staff_key,
        subject="bench",
        role=Role.DIRECTOR,
        tenant=tenant,
        issuer=DEV_STAFF_ISSUER,
        now=service.runtime.clock.now(),
        schools=[str(school)],
    )
    body = {
        "scope": "school",
        "scope_id": str(school),
        "sender_name": "OBS De Regenboog",
        "texts": {
            "nl": {
                "subject": "Ouderavond op 20 maart",
                "body": "Welkom op de ouderavond.\n\nTot dan!",
            },
            "ar": {"subject": "أمسية أولياء الأمور", "body": "مرحبًا بكم في أمسية أولياء الأمور."},
        },
    }
    async with (
        serve(service.app, port=free_port()) as base,
        httpx.AsyncClient(base_url=base, timeout=600) as http,
    ):
        started = time.perf_counter()
        response = await http.post(
            "/v1/broadcasts", json=body, headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 202, response.text
        await _until_arrived(folder, guardians)
        return time.perf_counter() - started


async def _until_arrived(folder: Path, count: int) -> None:
    """Poll the server's index (it lives in another process: no event to wait on),
    reading only what was appended since the last look."""
    path, offset, arrived = folder / "index.jsonl", 0, 0
    while arrived < count:
        await asyncio.sleep(0.05)
        if path.exists():
            with path.open("rb") as index:
                index.seek(offset)
                fresh = index.read()
            offset += len(fresh)
            arrived += fresh.count(b"\n")


async def raw_smtp(port: int, payloads: list[bytes], connections: int) -> float:
    """aiosmtplib over `connections` connections, each sending its share in turn."""
    clients = [aiosmtplib.SMTP(hostname="127.0.0.1", port=port) for _ in range(connections)]
    for client in clients:
        await client.connect()
    try:
        started = time.perf_counter()
        shares = [payloads[i::connections] for i in range(connections)]
        await asyncio.gather(*(raw_pipe(c, s) for c, s in zip(clients, shares, strict=True)))
        return time.perf_counter() - started
    finally:
        for client in clients:
            await client.quit()


def _index(folder: Path) -> list[dict[str, Any]]:
    path = folder / "index.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    sys.exit(main())
