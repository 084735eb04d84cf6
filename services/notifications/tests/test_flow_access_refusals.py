"""Refused attempts end up in the audit trail as `AccessRefused`: one event per kind of
refusal and minute, with a count, so a flood adds to a number instead of to the trail."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from samen_contract.envelope import PLATFORM_TENANT
from samen_kit.access import Role
from samen_kit.clock import FakeClock
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import StartService

pytestmark = pytest.mark.integration


async def test_refusals_are_counted_per_minute_and_emitted_once_the_minute_is_over(
    running_service: StartService,
) -> None:
    # A minute of its own: other tests' refusals land in other windows.
    minute = datetime(2026, 2, 1, tzinfo=UTC) + timedelta(minutes=random.randrange(500_000))
    clock = FakeClock(minute + timedelta(seconds=10))
    tenant = new_tenant()
    async with running_service(clock=clock) as running:
        for _ in range(3):
            assert (await running.http.get("/v1/stats")).status_code == 401
        teacher = running.headers(tenant, Role.TEACHER)
        assert (await running.http.get("/v1/stats", headers=teacher)).status_code == 403
        school = uuid.uuid4()
        ib = running.headers(tenant, Role.IB, schools=(uuid.uuid4(),))
        outside = await running.http.post(
            "/v1/roster/contacts", json={"school_id": str(school), "rows": []}, headers=ib
        )
        assert outside.status_code == 404
        assert running.bus(tenant, "AccessRefused") == []  # the minute is still open
        clock.advance(timedelta(minutes=1))
        await wait_for(lambda: len(running.bus(tenant, "AccessRefused")) == 2)
        anonymous = await wait_for(
            lambda: [
                data
                for env, data in running.bus(PLATFORM_TENANT, "AccessRefused")
                if data["window_start"].startswith(minute.isoformat()[:16])
            ]
        )

    by_reason = {data["reason"]: data for _, data in running.bus(tenant, "AccessRefused")}
    assert by_reason["forbidden_role"]["count"] == 1
    assert by_reason["out_of_scope"]["route"] == "/v1/roster/contacts"
    (missing,) = anonymous
    assert (missing["reason"], missing["credential"], missing["count"]) == (
        "missing_token",
        "none",
        3,
    )
    assert (missing["method"], missing["route"], missing["resource_kind"]) == (
        "GET",
        "/v1/stats",
        "stats",
    )
