"""The parent's own pages: contact preferences behind a contact link, and a fresh link
for one that expired, sent to the contact points on file."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from samen_kit.access import GuardianItem, Role
from samen_kit.clock import FakeClock
from samen_kit.testing.names import new_tenant
from samen_kit.testing.refusals import refusals_counted
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import (
    Running,
    StartService,
    consent_requested,
    guardianship,
)

pytestmark = pytest.mark.integration


async def _guardian_of(
    running: Running, tenant: str, school: uuid.UUID, **contact: str
) -> tuple[uuid.UUID, uuid.UUID]:
    pupil, guardian = await running.import_family(tenant, school, first_name="Milan", **contact)
    recorded = guardianship(pupil, guardian)
    await running.publish_about(tenant, pupil, recorded)
    return pupil, guardian


def _link_in(mail_text: str) -> str:
    found = re.search(r"https?://\S+token=\S+", mail_text)
    assert found is not None
    return found.group(0)


MONDAY_MORNING = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


async def test_a_guardian_changes_language_and_channels_through_the_link_staff_sent(
    running_service: StartService,
) -> None:
    tenant, school = new_tenant(), uuid.uuid4()
    async with running_service() as running:
        _, guardian = await _guardian_of(running, tenant, school, email="ouder@example.nl")
        sent = await wait_for(lambda: _send_preferences_link(running, tenant, school, guardian))
        assert sent == {"planned": 1, "waiting": 0, "unreachable": 0}
        (mail,) = await wait_for(running.mails)
        body = mail.get_body(("plain",))
        assert body is not None
        link = _link_in(body.get_content())
        token = parse_qs(urlsplit(link).query)["token"][0]
        assert link.startswith(f"{running.base_url}/ouders/contact?token=")

        page = await running.http.get(f"/ouders/contact?token={token}")
        assert page.status_code == 200 and 'value="ouder@example.nl"' in page.text
        form = {
            "token": token,
            "language": "en",
            "email": "ouder@example.nl",
            "mobile": "+31 6 1234 5678",
            "channels": "sms",
            "quiet_start": "20:00",
            "quiet_end": "08:00",
        }
        saved = await running.http.post("/ouders/contact", data=form)
        after = await running.http.get("/ouders/contact")  # the session cookie, no token
        async with httpx.AsyncClient(base_url=running.base_url) as elsewhere:
            reused = await elsewhere.post("/ouders/contact", data=form)

    assert saved.status_code == 200 and "Opgeslagen" in saved.text and "Saved" in saved.text
    assert reused.status_code == 403  # the link started one session; it starts no other
    assert after.status_code == 200
    assert 'value="+31612345678"' in after.text
    assert '<option value="en" lang="en" selected>' in after.text
    assert 'value="sms" checked' in after.text and 'value="20:00"' in after.text


async def _send_preferences_link(
    running: Running, tenant: str, school: uuid.UUID, guardian: uuid.UUID
) -> dict[str, int] | None:
    response = await running.http.post(
        f"/v1/guardians/{guardian}/preferences-link",
        headers=running.headers(tenant, Role.IB, schools=(school,)),
    )
    return response.json() if response.status_code == 200 else None


async def test_a_parent_with_an_expired_link_gets_a_fresh_one_at_the_address_on_file(
    running_service: StartService,
) -> None:
    clock = FakeClock(MONDAY_MORNING)
    tenant, school = new_tenant(), uuid.uuid4()
    async with running_service(clock=clock) as running:
        pupil, guardian = await _guardian_of(running, tenant, school, email="ouder@example.nl")
        request_id = uuid.uuid4()
        expired = running.guardian_token(
            tenant,
            guardian,
            pupil,
            GuardianItem.of("consent_request", request_id),
            now=clock.now() - timedelta(days=30),
        )
        page = await running.http.get(f"/ouders/nieuwe-link?token={expired}")
        asked = await running.http.post(
            "/v1/links/renew", data={"token": expired, "email": "someone@else.example"}
        )
        again = await running.http.post("/v1/links/renew", data={"token": expired})
        forged = await running.http.post("/v1/links/renew", data={"token": expired[:-4] + "AAAA"})
        (mail,) = await wait_for(running.mails)

    assert page.status_code == 200 and "Stuur mij een nieuwe link" in page.text
    assert asked.status_code == 202 and again.status_code == 202
    assert forged.status_code == 400
    assert "ouder@example.nl" in str(mail["To"])  # never the address typed on the page
    body = mail.get_body(("plain",))
    assert body is not None
    link = _link_in(body.get_content())
    assert link.startswith(f"http://127.0.0.1:8101/ouders/toestemming/{request_id}?token=")
    assert parse_qs(urlsplit(link).query)["token"][0] != expired


async def test_an_arabic_request_with_no_arabic_reminder_falls_back_to_dutch_and_counts_it(
    running_service: StartService,
) -> None:
    tenant, school = new_tenant(), uuid.uuid4()
    async with running_service() as running:
        pupil, guardian = await _guardian_of(
            running, tenant, school, email="ouder@example.nl", language="so"
        )
        request = consent_requested(pupil, school, guardian, purpose="arrangement")
        await running.publish_about(tenant, pupil, request)
        (sent,) = await wait_for(lambda: running.bus(tenant, "NotificationSent"))
        stats = await running.http.get("/v1/stats", headers=running.headers(tenant))

    assert (sent[1]["language"], sent[1]["fell_back"]) == ("nl", True)
    assert stats.json()["counters"]["language_fallback"] == {"consent_request:so>nl": 1}


async def test_a_contact_link_for_another_guardian_is_refused_for_reading_as_for_saving(
    running_service: StartService,
) -> None:
    tenant, school = new_tenant(), uuid.uuid4()
    async with running_service(clock=FakeClock(MONDAY_MORNING)) as running:
        pupil, guardian = await _guardian_of(running, tenant, school, email="ouder@example.nl")
        # A link for this guardian that names another guardian's contact preferences.
        token = running.guardian_token(
            tenant, guardian, pupil, GuardianItem.of("contact", uuid.uuid4())
        )
        page = await running.http.get(f"/ouders/contact?token={token}")
        saved = await running.http.post("/ouders/contact", data={"token": token, "language": "nl"})
        counted = await refusals_counted(running.service.runtime.sessions, tenant)

    assert (page.status_code, saved.status_code) == (403, 403)
    assert "ouder@example.nl" not in page.text
    assert counted[("forbidden_role", "guardian_token", "GET", "/ouders/contact")] == 1
    assert counted[("forbidden_role", "guardian_token", "POST", "/ouders/contact")] == 1
