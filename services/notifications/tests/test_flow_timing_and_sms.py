"""Timing and SMS over the simulator: quiet hours defer, delivery reports confirm,
short links lead to the right page, and a guardian without contact points is reported."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from samen_kit.access import GuardianTokenVerifier, StaticJwks
from samen_kit.access.devkeys import public_jwks
from samen_kit.clock import FakeClock
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import (
    Running,
    StartService,
    consent_requested,
)

pytestmark = pytest.mark.integration

# 22:30 in Amsterdam (winter time, UTC+1): inside the default quiet hours 21:00-07:30.
EVENING = datetime(2026, 1, 5, 21, 30, tzinfo=UTC)
MORNING = datetime(2026, 1, 6, 6, 30, tzinfo=UTC)  # 07:30 in Amsterdam


async def _request_consent(
    running: Running, tenant: str, school: uuid.UUID, pupil: uuid.UUID, guardian: uuid.UUID
) -> uuid.UUID:
    request = consent_requested(pupil, school, guardian, answer_by=date(2026, 1, 19))
    await running.publish_about(tenant, pupil, request)
    return request.request_id


async def _planned(running: Running, tenant: str, pupil: uuid.UUID) -> list[dict[str, object]]:
    response = await running.http.get(
        f"/v1/pupils/{pupil}/notifications", headers=running.headers(tenant)
    )
    assert response.status_code == 200, response.text
    notes = response.json()
    return [m for n in notes for m in n["messages"]]


async def test_an_sms_in_the_quiet_hours_waits_for_the_morning_then_is_delivered(
    running_service: StartService,
) -> None:
    clock = FakeClock(EVENING)
    tenant, school, pupil, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    async with running_service(clock=clock) as running:
        await running.import_roster(
            tenant,
            school,
            [
                {
                    "line": 1,
                    "pupil_id": str(pupil),
                    "pupil_first_name": "Daan",
                    "guardians": [{"guardian_id": str(guardian), "mobile": "06 12345678"}],
                }
            ],
        )
        request_id = await _request_consent(running, tenant, school, pupil, guardian)
        (planned,) = await wait_for(lambda: _planned(running, tenant, pupil))
        assert planned["channel"] == "sms" and planned["status"] == "planned"
        assert datetime.fromisoformat(str(planned["not_before"])) == MORNING
        assert await running.drain() == 0 and running.texts() == []

        clock.advance(MORNING - EVENING + timedelta(minutes=1))
        (text,) = await wait_for(running.texts)
        delivered = await wait_for(lambda: running.bus(tenant, "NotificationDelivered"))
        redirect = await running.http.get(
            _short_link(text["body"], running), follow_redirects=False
        )

    assert text["reference"] and len(text["body"]) <= 160 * 3
    assert delivered[0][1]["channel"] == "sms"
    assert redirect.status_code == 303
    target = redirect.headers["location"]
    assert target.startswith(f"http://127.0.0.1:8101/ouders/toestemming/{request_id}?token=")
    token = parse_qs(urlsplit(target).query)["token"][0]
    verifier = GuardianTokenVerifier(StaticJwks(public_jwks(running.keys.guardian)), clock=clock)
    grant = await verifier.verify(token)
    assert (grant.guardian_id, grant.pupil_id, grant.tenant) == (guardian, pupil, tenant)
    assert grant.item.is_("consent_request", request_id)


def _short_link(body: str, running: Running) -> str:
    found = re.search(re.escape(running.base_url) + r"(/l/[a-z2-7]+)", body)
    assert found is not None, "the SMS carries our short link"
    return found.group(1)


async def test_a_guardian_without_contact_points_is_reported_unreachable_after_the_wait(
    running_service: StartService,
) -> None:
    clock = FakeClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    tenant, school, pupil, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    async with running_service(clock=clock) as running:
        await _request_consent(running, tenant, school, pupil, guardian)
        await wait_for(lambda: _waiting(running, tenant, pupil))
        clock.advance(timedelta(hours=71))
        assert await _waiting(running, tenant, pupil)  # still within the 72 hours
        clock.advance(timedelta(hours=2))
        (event,) = await wait_for(lambda: running.bus(tenant, "GuardianUnreachable"))

    envelope, data = event
    assert data["guardian_id"] == str(guardian) and data["reason"] == "no_contact_point"
    assert envelope.subject == str(pupil)
    assert "email" not in data and "mobile" not in data


async def _waiting(running: Running, tenant: str, pupil: uuid.UUID) -> bool:
    response = await running.http.get(
        f"/v1/pupils/{pupil}/notifications", headers=running.headers(tenant)
    )
    if response.status_code != 200:
        return False
    return [n["status"] for n in response.json()] == ["waiting"]


async def test_a_guardian_whose_mobile_arrives_with_the_roster_import_gets_what_waited(
    running_service: StartService,
) -> None:
    clock = FakeClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    tenant, school, pupil, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    sibling, other_guardian = uuid.uuid4(), uuid.uuid4()
    async with running_service(clock=clock) as running:
        await _request_consent(running, tenant, school, pupil, guardian)
        await wait_for(lambda: _waiting(running, tenant, pupil))
        report = await running.import_roster(
            tenant,
            school,
            [
                _contacts_row(1, pupil, guardian, "06 12345678"),
                _contacts_row(2, sibling, guardian, "06 12345678"),  # the same parent
                _contacts_row(3, uuid.uuid4(), other_guardian, "06 87654321"),
            ],
        )
        (planned,) = await _planned(running, tenant, pupil)
        (text,) = await wait_for(running.texts)

    assert (report["imported"], report["unchanged"], report["errors"]) == (3, 0, [])
    assert planned["channel"] == "sms" and "31612345678" in str(text["recipients"])


def _contacts_row(
    line: int, pupil: uuid.UUID, guardian: uuid.UUID, mobile: str
) -> dict[str, object]:
    return {
        "line": line,
        "pupil_id": str(pupil),
        "pupil_first_name": "Daan",
        "guardians": [{"guardian_id": str(guardian), "mobile": mobile}],
    }
