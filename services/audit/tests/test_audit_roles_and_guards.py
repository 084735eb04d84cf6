"""The log cannot be changed: the service's role may only read and insert, triggers refuse
UPDATE, DELETE and TRUNCATE even to the owner, and erasing a body keeps its leaf."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import uuid4

import asyncpg
import pytest
from samen_archive import ExportScope
from samen_archive.merkle import verify_inclusion
from samen_audit.handlers.context import AuditContext
from samen_audit.handlers.exporting import Exporter, ExportRequest, export_log
from samen_audit.handlers.proofs import LeafRef, inclusion_proof
from samen_audit.handlers.tree_heads import sign_now
from samen_contract.events.audit import ExporterRole
from samen_kit.clock import FakeClock
from samen_kit.db import asyncpg_dsn, create_engine, session_factory

from services.audit.tests.audit_harness import Database, audit_context, consent_journey, seed

pytestmark = pytest.mark.integration

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LOG_TABLES = (
    "audit_leaf",
    "audit_body",
    "audit_erasure",
    "audit_frontier",
    "audit_node",
    "audit_tree_head",
    "audit_export",
)
CHANGES = {
    "UPDATE": "UPDATE {table} SET tenant = tenant",
    "DELETE": "DELETE FROM {table}",
    "TRUNCATE": "TRUNCATE {table} CASCADE",
}


@dataclass(frozen=True)
class FilledLog:
    database: Database
    context: AuditContext
    tenant: str


@pytest.fixture
async def filled_log(audit_database: Database) -> AsyncIterator[FilledLog]:
    """A log with a row in every log table, written through the service's own role."""
    engine = create_engine(audit_database.service_url)
    context = audit_context(session_factory(engine), FakeClock(AT))
    tenant = f"swv-{uuid4().hex[:8]}"
    journeys = [consent_journey(tenant, at=AT) for _ in range(10)]  # 40 leaves: nodes stored
    await seed(context.sessions, [r for j in journeys for r in j.records], AT)
    await sign_now(context, tenant, "inspectie:0f3c")
    scope = ExportScope(tenant, date(2026, 3, 1), date(2026, 3, 31))
    exporter = Exporter(ExporterRole.INSPECTIE, "inspectie:0f3c")
    await export_log(context, exporter, ExportRequest(scope))
    await _erase(audit_database.service_url, tenant, 3)
    yield FilledLog(audit_database, context, tenant)
    await engine.dispose()


@contextlib.asynccontextmanager
async def _connected(url: str) -> AsyncIterator[asyncpg.Connection]:
    """A connection of its own to the database at `url`, closed after the block."""
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        yield connection
    finally:
        await connection.close()


async def _erase(url: str, tenant: str, index: int) -> bool:
    async with _connected(url) as connection:
        erased = await connection.fetchval(
            "SELECT erase_body($1, $2, 'retention_ended', 'system:retention')", tenant, index
        )
    return bool(erased)


@pytest.mark.parametrize("operation", list(CHANGES))
@pytest.mark.parametrize(
    ("role", "refusal", "reason"),
    [
        ("service_url", asyncpg.InsufficientPrivilegeError, None),  # no grant for it
        ("owner_url", asyncpg.RestrictViolationError, "append-only"),  # the triggers
    ],
    ids=["service_role", "owner"],
)
async def test_no_role_may_update_delete_or_truncate_any_log_table(
    filled_log: FilledLog, role: str, refusal: type[Exception], reason: str | None, operation: str
) -> None:
    async with _connected(getattr(filled_log.database, role)) as connection:
        for table in LOG_TABLES:
            assert await connection.fetchval(f"SELECT count(*) FROM {table}") > 0, table
            with pytest.raises(refusal, match=reason):
                await connection.execute(CHANGES[operation].format(table=table))


async def test_the_service_role_reads_and_inserts(filled_log: FilledLog) -> None:
    async with _connected(filled_log.database.service_url) as connection:
        await connection.execute(
            "INSERT INTO audit_frontier (tenant, tree_size, roots) VALUES ($1, 1, $2)",
            f"swv-{uuid4().hex[:8]}",
            bytes(32),
        )
        assert await connection.fetchval("SELECT count(*) FROM audit_leaf") == 40


async def test_erasing_a_body_keeps_its_leaf_records_why_and_every_proof_still_holds(
    filled_log: FilledLog,
) -> None:
    tenant = filled_log.tenant
    async with _connected(filled_log.database.service_url) as connection:
        body = await connection.fetchval(
            "SELECT count(*) FROM audit_body WHERE tenant = $1 AND leaf_index = 3", tenant
        )
        erasure = await connection.fetchrow(
            "SELECT reason, cause FROM audit_erasure WHERE tenant = $1 AND leaf_index = 3", tenant
        )
        leaf = await connection.fetchval(
            "SELECT leaf_hash FROM audit_leaf WHERE tenant = $1 AND leaf_index = 3", tenant
        )
    assert body == 0
    assert tuple(erasure) == ("retention_ended", "system:retention")
    proof = await inclusion_proof(filled_log.context, tenant, LeafRef(leaf_index=3), None)
    assert proof.leaf.entry is None and proof.leaf.leaf_hash == bytes(leaf)
    assert verify_inclusion(bytes(leaf), 3, proof.tree_size, proof.path, proof.root_hash)


async def test_a_body_cannot_be_deleted_without_its_erasure_on_record(
    filled_log: FilledLog,
) -> None:
    async with _connected(filled_log.database.owner_url) as owner:
        with pytest.raises(asyncpg.RestrictViolationError, match="append-only"):
            await owner.execute(
                "DELETE FROM audit_body WHERE tenant = $1 AND leaf_index = 4", filled_log.tenant
            )


async def test_a_body_without_its_leaf_is_refused_even_among_bodies_with_theirs(
    filled_log: FilledLog,
) -> None:
    async with _connected(filled_log.database.service_url) as connection:
        with pytest.raises(asyncpg.ForeignKeyViolationError, match="needs its leaf"):
            await connection.execute(
                "INSERT INTO audit_body (tenant, leaf_index, entry)"
                " SELECT $1, i, '\\x00'::bytea FROM unnest($2::bigint[]) AS i",
                filled_log.tenant,
                [3, 40],  # leaf 3 is there (its body erased), leaf 40 is not
            )
        assert (
            await connection.fetchval(
                "SELECT count(*) FROM audit_body WHERE tenant = $1 AND leaf_index IN (3, 40)",
                filled_log.tenant,
            )
            == 0
        )
