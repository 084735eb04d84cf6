"""Scheduled tree heads sign every grown log once, and never chase their own events;
refused attempts are reported once per minute and group."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from prometheus_client import REGISTRY
from samen_archive.signing import key_id
from samen_audit.adapters.tree_heads import SqlTreeHeads
from samen_audit.handlers.context import AuditContext
from samen_audit.handlers.refusals import report_closed_windows
from samen_audit.handlers.tree_heads import sign_grown_logs, sign_now
from samen_contract.codec import decode
from samen_contract.events.access import AccessRefused
from samen_contract.events.audit import TreeHeadSigned
from samen_kit.access import Role
from samen_kit.clock import FakeClock
from samen_kit.db import create_engine, session_factory
from samen_kit.refusal_counts import RefusalGroup, count_refusal, window_of
from samen_kit.refusal_table import refusal_counts
from sqlalchemy import text

from services.audit.tests.audit_harness import (
    SIGNING_KEY,
    Database,
    StaffKeys,
    audit_context,
    audit_settings,
    build_service,
    consent_journey,
    raw_record,
    running,
    seed,
)
from tests.integration.kit.proofkit import wait_for

pytestmark = pytest.mark.integration

AT = datetime(2026, 3, 2, 9, 0, 30, tzinfo=UTC)


@pytest.fixture
async def context(audit_database: Database) -> AsyncIterator[AuditContext]:
    engine = create_engine(audit_database.service_url)
    yield audit_context(session_factory(engine), FakeClock(AT))
    await engine.dispose()


async def outbox_events(context: AuditContext) -> list[tuple[str, dict[str, object]]]:
    async with context.sessions() as session:
        rows = await session.execute(text("SELECT value, headers FROM outbox ORDER BY id"))
    found = []
    for value, headers in rows:
        envelope, _, data = decode(bytes(value), [(n, v.encode()) for n, v in headers])
        found.append((envelope.type, data))
    return found


async def test_every_grown_log_gets_one_signed_head_announced_with_its_signature(
    context: AuditContext,
) -> None:
    tenants = sorted(f"swv-{uuid4().hex[:8]}" for _ in range(2))
    for tenant in tenants:
        await seed(context.sessions, consent_journey(tenant, at=AT).records, AT)
    heads = await sign_grown_logs(context)
    assert [(h.tenant, h.tree_size) for h in heads] == [(t, 4) for t in tenants]
    assert all(head.verify(SIGNING_KEY.public_key()) for head in heads)
    [(kind, data), _] = await outbox_events(context)
    assert kind == TreeHeadSigned.event_type()
    assert data["key_id"] == key_id(SIGNING_KEY.public_key())
    assert await sign_grown_logs(context) == []


def heads_counted(trigger: str) -> float:
    found = REGISTRY.get_sample_value("samen_audit_tree_heads_signed_total", {"trigger": trigger})
    return found or 0.0


async def test_each_signed_head_is_counted_once_by_what_triggered_it(
    context: AuditContext,
) -> None:
    tenant = f"swv-{uuid4().hex[:8]}"
    await seed(context.sessions, consent_journey(tenant, at=AT).records, AT)
    scheduled, on_demand = heads_counted("scheduled"), heads_counted("on_demand")
    heads = await sign_grown_logs(context)
    assert heads  # this tenant's log at least
    assert heads_counted("scheduled") == scheduled + len(heads)
    assert await sign_grown_logs(context) == []
    assert heads_counted("scheduled") == scheduled + len(heads)
    a_minute_on = replace(context, clock=FakeClock(AT + timedelta(minutes=1)))
    await sign_now(a_minute_on, tenant, actor=f"{Role.SWV_ADMIN.value}:{uuid4()}")
    assert heads_counted("on_demand") == on_demand + 1


async def test_a_log_grown_only_by_its_own_tree_heads_is_not_signed_again(
    context: AuditContext,
) -> None:
    tenant = f"swv-{uuid4().hex[:8]}"
    await seed(context.sessions, consent_journey(tenant, at=AT).records, AT)
    [head] = await sign_grown_logs(context)
    announcement = raw_record(
        "samen.audit.events",
        b"{}",
        [
            ("ce_id", str(uuid4()).encode()),
            ("ce_source", b"/samen/audit"),
            ("ce_type", TreeHeadSigned.event_type().encode()),
            ("ce_specversion", b"1.0"),
            ("ce_tenant", tenant.encode()),
        ],
    )
    await seed(context.sessions, [announcement], AT)
    assert await sign_grown_logs(context) == []
    await seed(context.sessions, consent_journey(tenant, at=AT).records, AT)
    [again] = await sign_grown_logs(context)
    assert (head.tree_size, again.tree_size) == (4, 9)


async def test_refused_attempts_are_reported_once_per_minute_and_group(
    context: AuditContext,
) -> None:
    tenant = f"swv-{uuid4().hex[:8]}"
    group = RefusalGroup(
        window_of(AT),
        tenant,
        "forbidden_role",
        "staff_token",
        "POST",
        "/audit/exports",
        "audit_export",
    )
    for _ in range(3):
        await count_refusal(context.sessions, refusal_counts, group)
    grace = timedelta(seconds=5)
    assert await report_closed_windows(context, grace) == 0  # the minute has not closed
    assert isinstance(context.clock, FakeClock)
    context.clock.advance(timedelta(minutes=2))
    assert await report_closed_windows(context, grace) == 1
    assert await report_closed_windows(context, grace) == 0
    [(kind, data)] = await outbox_events(context)
    assert kind == AccessRefused.for_service("audit").event_type()
    assert (data["count"], data["route"], data["reason"]) == (3, "/audit/exports", "forbidden_role")


async def test_the_running_service_signs_grown_logs_at_its_interval(
    audit_database: Database, kafka_bootstrap: str, topic_prefix: str, staff: StaffKeys
) -> None:
    settings = audit_settings(
        audit_database, kafka_bootstrap, topic_prefix, staff, tree_head_interval_seconds=0.3
    )
    service = build_service(settings)
    tenant = f"swv-{uuid4().hex[:8]}"
    async with running(service):
        await seed(service.runtime.sessions, consent_journey(tenant, at=AT).records, AT)

        async def signed() -> bool:
            async with service.runtime.sessions() as session:
                return (await SqlTreeHeads(session).latest(tenant)) is not None

        await wait_for(signed, within=20)
