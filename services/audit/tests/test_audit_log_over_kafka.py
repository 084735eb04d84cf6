"""The log over the real bus: every event once, in its tenant's log; nothing dropped."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from uuid import uuid4

import pytest
from samen_archive.canonical import EntryFlag
from samen_contract.envelope import PLATFORM_TENANT
from samen_kit.testing.bus import publish
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.audit.tests.audit_harness import (
    Database,
    StaffKeys,
    audit_settings,
    build_service,
    consent_journey,
    raw_record,
    running,
)
from tests.integration.kit.proofkit import wait_for

pytestmark = pytest.mark.integration

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


async def leaves_by_event(
    sessions: async_sessionmaker[AsyncSession], event_ids: list[str]
) -> dict[str, list[str]]:
    """The tenants each event id sits in (a list: twice would show)."""
    async with sessions() as session:
        rows = await session.execute(
            text("SELECT event_id, tenant FROM audit_leaf WHERE event_id = ANY(:ids)"),
            {"ids": event_ids},
        )
    found: dict[str, list[str]] = {}
    for event_id, tenant in rows:
        found.setdefault(event_id, []).append(tenant)
    return found


async def flagged(
    sessions: async_sessionmaker[AsyncSession], tenant: str
) -> list[tuple[str, bytes]]:
    async with sessions() as session:
        rows = await session.execute(
            text(
                "SELECT l.flag, b.entry FROM audit_leaf l"
                " JOIN audit_body b USING (tenant, leaf_index)"
                " WHERE l.tenant = :tenant AND l.flag IS NOT NULL ORDER BY l.leaf_index"
            ),
            {"tenant": tenant},
        )
    return [(flag, bytes(entry)) for flag, entry in rows]


async def test_every_consent_event_appears_once_in_its_tenants_log_also_after_redelivery(
    audit_database: Database, kafka_bootstrap: str, topic_prefix: str, staff: StaffKeys
) -> None:
    tenant_a, tenant_b = f"swv-{uuid4().hex[:8]}", f"swv-{uuid4().hex[:8]}"
    journeys = [consent_journey(tenant_a, at=AT), consent_journey(tenant_b, at=AT)]
    journeys.append(consent_journey(tenant_a, at=AT))
    expected = {event_id: [j.tenant] for j in journeys for event_id in j.event_ids}
    service = build_service(audit_settings(audit_database, kafka_bootstrap, topic_prefix, staff))
    sessions = service.runtime.sessions
    async with running(service):
        await publish(kafka_bootstrap, topic_prefix, [r for j in journeys for r in j.records])
        await wait_for(lambda: _all_there(sessions, expected))
        # Redelivery: the same records again, as a relay retry or a consumer restart gives.
        await publish(kafka_bootstrap, topic_prefix, journeys[0].records)
        marker = consent_journey(tenant_a, at=AT)  # published after: once it is in, so is the rest
        await publish(kafka_bootstrap, topic_prefix, marker.records)
        await wait_for(lambda: _all_there(sessions, {i: [tenant_a] for i in marker.event_ids}))
        assert await leaves_by_event(sessions, list(expected)) == expected


async def _all_there(
    sessions: async_sessionmaker[AsyncSession], expected: dict[str, list[str]]
) -> bool:
    return await leaves_by_event(sessions, list(expected)) == expected


async def test_unknown_types_and_broken_records_are_kept_raw_and_flagged(
    audit_database: Database, kafka_bootstrap: str, topic_prefix: str, staff: StaffKeys
) -> None:
    tenant = f"swv-{uuid4().hex[:8]}"
    journey = consent_journey(tenant, at=AT)
    unknown = with_header(journey.records[0].headers, "ce_type", b"samen.consent.Dreamed.v1")
    broken_body = b'{"pupil_id": '
    broken = with_header(journey.records[1].headers, "ce_tenant", tenant.encode())
    no_tenant = [(n, v) for n, v in journey.records[1].headers if n not in ("ce_tenant", "ce_id")]
    no_tenant.append(("ce_board", b"\xff\xfe not utf-8"))  # stops FastStream's own parser
    topic = journey.records[0].topic
    records = [
        raw_record(topic, journey.records[0].value, unknown),
        raw_record(topic, broken_body, broken),
        raw_record(topic, b"\xff not even text", no_tenant),
    ]
    service = build_service(audit_settings(audit_database, kafka_bootstrap, topic_prefix, staff))
    sessions = service.runtime.sessions
    async with running(service):
        await publish(kafka_bootstrap, topic_prefix, [*records, *journey.records])
        await wait_for(lambda: _flag_count(sessions, tenant, 2))
        await wait_for(lambda: _flag_count(sessions, PLATFORM_TENANT, 1, at_least=True))
        kept = await flagged(sessions, tenant)
        platform = await flagged(sessions, PLATFORM_TENANT)
    assert [flag for flag, _ in kept] == [EntryFlag.UNKNOWN_TYPE.value, EntryFlag.UNPARSEABLE.value]
    assert [_raw(entry) for _, entry in kept] == [journey.records[0].value, broken_body]
    assert b"\xff not even text" in [_raw(entry) for _, entry in platform]


def with_header(
    headers: list[tuple[str, bytes]], name: str, value: bytes
) -> list[tuple[str, bytes]]:
    """The headers with ``name`` set to ``value`` and a fresh event id."""
    fresh = str(uuid4()).encode()
    return [(n, value if n == name else fresh if n == "ce_id" else v) for n, v in headers]


async def _flag_count(
    sessions: async_sessionmaker[AsyncSession], tenant: str, count: int, *, at_least: bool = False
) -> bool:
    found = len(await flagged(sessions, tenant))
    return found >= count if at_least else found == count


def _raw(entry: bytes) -> bytes:
    return base64.b64decode(json.loads(entry)["raw"])
