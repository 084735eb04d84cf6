"""The log's own access records against the real database with its real roles: five
years after a view or a refused attempt its entry's body goes and its leaf stays, once
however many passes run at once; a pupil under the inspectie's hold keeps the record of
who viewed their file; a reported window of refused attempts is deleted."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_audit.bootstrap import AuditService
from samen_audit.handlers.retention import erase_old_access_entries
from samen_contract import Envelope, Event
from samen_contract.codec import KafkaRecord, encode
from samen_contract.events.access import AccessRefused, AccessRefusedReason, Credential
from samen_contract.events.portal import PupilFileViewed
from samen_contract.events.retention import LegalHoldPlaced
from samen_kit.clock import FakeClock
from samen_kit.db import unit_of_work
from samen_kit.refusal_counts import RefusalGroup
from samen_kit.refusal_table import refusal_counts
from sqlalchemy import text

from services.audit.tests.audit_harness import (
    StaffKeys,
    audit_context,
    audit_settings,
    build_service,
    fresh_database,
    seed,
)

pytestmark = pytest.mark.integration

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
FIVE_YEARS_ON = datetime(2031, 3, 12, 9, 0, tzinfo=UTC)


def _record(tenant: str, subject: UUID | str, event: Event, seq: int) -> KafkaRecord:
    envelope = Envelope.for_event(
        event, tenant=tenant, subject=subject, actor="ib:0b5e", sequence=seq, time=AT
    )
    return encode(envelope, event)


def _viewed(tenant: str, pupil: UUID) -> KafkaRecord:
    event = PupilFileViewed(pupil_id=pupil, school_id=uuid4(), day=AT.date(), viewer_role="ib")
    return _record(tenant, pupil, event, 1)


def _refused(tenant: str) -> KafkaRecord:
    event = AccessRefused.for_service("consent")(
        reason=AccessRefusedReason.EXPIRED_TOKEN, credential=Credential.GUARDIAN_TOKEN,
        method="GET", route="/ouders/toestemming/{request_id}", resource_kind="consent_request",
        window_start=AT, count=2,
    )  # fmt: skip
    return _record(tenant, tenant, event, 1)


@pytest.fixture
async def audit(
    postgres_server_url: str, kafka_bootstrap: str, topic_prefix: str, staff: StaffKeys
) -> AsyncIterator[AuditService]:
    async with fresh_database(postgres_server_url) as database:
        service = build_service(audit_settings(database, kafka_bootstrap, topic_prefix, staff))
        try:
            yield service
        finally:
            await service.runtime.engine.dispose()  # the database is dropped next


async def _bodies(audit: AuditService, tenant: str) -> dict[str, list[bool]]:
    query = text(
        "SELECT coalesce(l.subject, ''), b.entry IS NOT NULL FROM audit_leaf l"
        " LEFT JOIN audit_body b USING (tenant, leaf_index)"
        " WHERE l.tenant = :t AND l.event_type NOT LIKE '%LegalHold%' ORDER BY leaf_index"
    )
    found: dict[str, list[bool]] = {}
    async with audit.runtime.sessions() as session:
        for subject, kept in await session.execute(query, {"t": tenant}):
            found.setdefault(subject, []).append(kept)
    return found


async def _windows(audit: AuditService, tenant: str) -> int:
    query = text("SELECT count(*) FROM access_refusal_count WHERE tenant = :t")
    async with audit.runtime.sessions() as session:
        return int(await session.scalar(query, {"t": tenant}) or 0)


async def test_access_entries_lose_their_bodies_after_five_years_unless_the_pupil_is_held(
    audit: AuditService,
) -> None:
    tenant, free, held = f"swv-{uuid4().hex[:8]}", uuid4(), uuid4()
    hold = LegalHoldPlaced(pupil_id=held, hold_id=uuid4(), placed_on=AT.date())
    records = [_viewed(tenant, free), _viewed(tenant, held), _refused(tenant)]
    await seed(audit.runtime.sessions, [*records, _record(tenant, held, hold, 2)], AT)
    group = RefusalGroup(AT, tenant, "expired_token", "guardian_token", "GET", "/x", "pupil")
    async with unit_of_work(audit.runtime.sessions) as session:
        await refusal_counts(session).count(group)
        await refusal_counts(session).mark_reported(group, AT)

    clock = FakeClock(FIVE_YEARS_ON - timedelta(days=20))
    context = audit_context(audit.runtime.sessions, clock)
    assert await erase_old_access_entries(context) == 0

    clock.advance(timedelta(days=20))
    first, second = await asyncio.gather(
        erase_old_access_entries(context), erase_old_access_entries(context)
    )
    assert first + second == 2
    assert await erase_old_access_entries(context) == 0
    assert await _bodies(audit, tenant) == {str(free): [False], str(held): [True], tenant: [False]}
    assert await _windows(audit, tenant) == 0

    reasons = text("SELECT DISTINCT reason, cause FROM audit_erasure WHERE tenant = :t")
    async with audit.runtime.sessions() as session:
        rows = [tuple(row) for row in await session.execute(reasons, {"t": tenant})]
    assert rows == [("avg_5_2_verantwoording", "retention:access_records")]
