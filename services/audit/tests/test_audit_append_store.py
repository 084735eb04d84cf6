"""Appending through the SQL store on PostgreSQL (the locks with the read, one write): batches
of one tenant appended at the same moment each get indices of their own, a redelivery
adds nothing, and a known id with other bytes is kept under its place on the bus."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
import pytest
from samen_archive.merkle import root_hash
from samen_audit.domain.admission import ID_CONFLICT
from samen_audit.domain.frontier import Frontier
from samen_audit.handlers.appending import append_batch
from samen_kit.db import asyncpg_dsn, create_engine, session_factory

from services.audit.tests.audit_fakes import bus_record
from services.audit.tests.audit_harness import Database, consent_journey, leaf_records

pytestmark = pytest.mark.integration

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def _rows(database: Database, sql: str, *args: object) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(asyncpg_dsn(database.owner_url))
    try:
        return list(await connection.fetch(sql, *args))
    finally:
        await connection.close()


async def test_batches_of_one_tenant_appended_at_once_get_their_own_indices_and_one_root(
    audit_database: Database,
) -> None:
    tenant = f"swv-{uuid4().hex[:8]}"
    batches = [
        leaf_records([r for _ in range(5) for r in consent_journey(tenant, at=AT).records])
        for _ in range(4)
    ]
    engine = create_engine(audit_database.service_url)
    try:
        sessions = session_factory(engine)
        await asyncio.gather(*(append_batch(sessions, batch, AT) for batch in batches))
        again = await append_batch(sessions, batches[0], AT)  # redelivered
    finally:
        await engine.dispose()

    leaves = await _rows(
        audit_database,
        "SELECT l.leaf_index, l.leaf_hash, b.entry IS NOT NULL AS has_body FROM audit_leaf l"
        " LEFT JOIN audit_body b USING (tenant, leaf_index) WHERE l.tenant = $1"
        " ORDER BY l.leaf_index",
        tenant,
    )
    (latest,) = await _rows(
        audit_database,
        "SELECT tree_size, roots FROM audit_frontier WHERE tenant = $1"
        " ORDER BY tree_size DESC LIMIT 1",
        tenant,
    )
    assert again.total == 0
    assert [row["leaf_index"] for row in leaves] == list(range(80))
    assert all(row["has_body"] for row in leaves)
    frontier = Frontier.from_bytes(latest["tree_size"], bytes(latest["roots"]))
    assert frontier.root() == root_hash([bytes(row["leaf_hash"]) for row in leaves])


async def test_a_known_id_with_other_bytes_is_kept_under_its_place_and_flagged(
    audit_database: Database,
) -> None:
    tenant, event_id = f"swv-{uuid4().hex[:8]}", str(uuid4())
    first = bus_record(event_id, b'{"a":1}', 0, tenant=tenant)
    other = bus_record(event_id, b'{"a":2}', 1, tenant=tenant)
    engine = create_engine(audit_database.service_url)
    try:
        sessions = session_factory(engine)
        await append_batch(sessions, [first], AT)
        await append_batch(sessions, [other, other], AT)  # the same place twice: once
    finally:
        await engine.dispose()

    rows = await _rows(
        audit_database,
        "SELECT leaf_index, event_id, record_key, flag FROM audit_leaf WHERE tenant = $1"
        " ORDER BY leaf_index",
        tenant,
    )
    assert [tuple(row) for row in rows] == [
        (0, event_id, None, None),
        (1, None, other.position.key(), ID_CONFLICT),
    ]
