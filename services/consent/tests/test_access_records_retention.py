"""Access records in the consent service against the real database: a reported window of
refused attempts and a used guardian link go five years after they were recorded, per
tenant and its policy, once — however many purges run at once."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from uuid import uuid4

import pytest
from samen_consent.adapters.retention import ERASERS
from samen_kit.access.used_tokens_sql import SqlUsedTokenStore
from samen_kit.db import unit_of_work
from samen_kit.refusal_counts import RefusalGroup, window_of
from samen_kit.refusal_table import refusal_counts
from samen_kit.retention.sweep import Retention, purge
from samen_kit.retention.wiring import KIT_ACCESS_RECORDS
from sqlalchemy import text

from services.consent.tests.consent_harness import ConsentService, School

# The tests move the session's service clock by years: conftest puts it back after each.
pytestmark = pytest.mark.integration

ALMOST_FIVE_YEARS = timedelta(days=5 * 365 - 5)  # 2027..2031 holds one leap day


def _retention(consent: ConsentService, longer: School) -> Retention:
    overrides = {longer.tenant: {"access_records": 72}}
    sessions, clock = consent.runtime.sessions, consent.clock
    return Retention("consent", sessions, clock, ERASERS, overrides, KIT_ACCESS_RECORDS)


async def _record_access(consent: ConsentService, tenant: str, *, reported: bool) -> None:
    now = consent.clock.now()
    group = RefusalGroup(window_of(now), tenant, "expired_token", "guardian_token", "GET",
                         f"/ouders/{uuid4()}", "consent_request")  # fmt: skip
    async with unit_of_work(consent.runtime.sessions) as session:
        await refusal_counts(session).count(group)
        if reported:
            await refusal_counts(session).mark_reported(group, now)
        await SqlUsedTokenStore(session, clock=consent.clock).use(
            str(uuid4()), tenant, now + timedelta(days=4000)
        )


async def _kept(consent: ConsentService, tenant: str) -> tuple[int, int]:
    """(refusal windows, token uses) of the tenant."""
    params = {"t": tenant}
    async with consent.runtime.sessions() as session:
        windows = await session.scalar(
            text("SELECT count(*) FROM access_refusal_count WHERE tenant = :t"), params
        )
        uses = await session.scalar(
            text("SELECT count(*) FROM guardian_token_use WHERE tenant = :t"), params
        )
    return int(windows or 0), int(uses or 0)


async def test_access_records_go_five_years_after_they_were_recorded_once(
    consent: ConsentService, school: School
) -> None:
    longer = School.new()  # a tenant whose policy keeps access records six years
    await _record_access(consent, school.tenant, reported=True)
    await _record_access(consent, school.tenant, reported=False)
    await _record_access(consent, longer.tenant, reported=True)
    retention = _retention(consent, longer)

    consent.advance(ALMOST_FIVE_YEARS)
    await purge(retention)
    assert await _kept(consent, school.tenant) == (2, 2)

    consent.advance(timedelta(days=10))
    first, second = await asyncio.gather(purge(retention), purge(retention))
    await purge(retention)  # a later purge finds nothing more

    # The unreported window stays until it has become an `AccessRefused` fact.
    assert await _kept(consent, school.tenant) == (1, 0)
    assert await _kept(consent, longer.tenant) == (1, 1)
    mine = {table: first[table] + second[table] for table in first}
    assert mine["access_refusal_count"] >= 1 and mine["guardian_token_use"] >= 2

    consent.advance(timedelta(days=366))
    await purge(retention)
    assert await _kept(consent, longer.tenant) == (0, 0)
