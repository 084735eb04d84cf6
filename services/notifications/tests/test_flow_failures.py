"""Bad input and refusals end as clear errors or recorded failures: never a crash of
the consumer, never a lost message. A refused channel falls back to the other one."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import aiosmtplib
import pytest
from samen_contract.events.consent import ConsentGiven
from samen_kit.clock import FakeClock
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import (
    Running,
    StartService,
    consent_requested,
    guardianship,
)

pytestmark = pytest.mark.integration


async def _consent_given(
    running: Running, tenant: str, school: uuid.UUID, guardian: dict[str, str]
) -> uuid.UUID:
    pupil = uuid.uuid4()
    await running.import_roster(
        tenant,
        school,
        [{"line": 1, "pupil_id": str(pupil), "pupil_first_name": "Sem", "guardians": [guardian]}],
    )
    given = ConsentGiven(
        request_id=uuid.uuid4(), pupil_id=pupil, purpose="engage_swv", purpose_version=1
    )
    await running.publish_about(
        tenant, pupil, guardianship(pupil, uuid.UUID(guardian["guardian_id"])), given
    )
    return pupil


async def test_an_address_the_relay_refuses_falls_back_to_sms_which_is_delivered(
    running_service: StartService,
) -> None:
    tenant, school, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        await _consent_given(
            running,
            tenant,
            school,
            # The local mail server answers 550 for this domain; the confirmation is e-mail only.
            {"guardian_id": str(guardian), "email": "ouder@bounce.invalid", "mobile": "0612345678"},
        )
        failed = await wait_for(lambda: running.bus(tenant, "NotificationFailed"))
        delivered = await wait_for(lambda: running.bus(tenant, "NotificationDelivered"))
        texts = running.texts()

    data = failed[0][1]
    assert (data["channel"], data["reason"], data["fallback_channel"]) == (
        "email",
        "rejected",
        "sms",
    )
    assert data["provider_error_code"] == 550
    assert delivered[0][1]["channel"] == "sms"
    assert len(texts) == 1 and "Sem" in texts[0]["body"]
    assert running.bus(tenant, "GuardianUnreachable") == []


async def test_a_guardian_whom_every_channel_fails_is_reported_for_staff(
    running_service: StartService,
) -> None:
    tenant, school, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        pupil = await _consent_given(
            running,
            tenant,
            school,
            # The simulator reports delivery_failed for numbers ending in 999.
            {"guardian_id": str(guardian), "email": "ouder@bounce.invalid", "mobile": "0612345999"},
        )
        (unreachable,) = await wait_for(lambda: running.bus(tenant, "GuardianUnreachable"))
        failed = running.bus(tenant, "NotificationFailed")

    assert unreachable[1]["reason"] == "all_channels_failed"
    assert unreachable[1]["pupil_id"] == str(pupil)
    assert sorted((f[1]["channel"], f[1]["reason"]) for f in failed) == [
        ("email", "rejected"),
        ("sms", "not_delivered"),
    ]


async def test_unusable_contact_details_are_reported_by_line_and_the_rest_is_imported(
    running_service: StartService,
) -> None:
    tenant, school = new_tenant(), uuid.uuid4()

    def row(line: int, **guardian: object) -> dict[str, object]:
        details = {"guardian_id": str(uuid.uuid4()), **guardian}
        return {
            "line": line,
            "pupil_id": str(uuid.uuid4()),
            "pupil_first_name": "Lotte",
            "guardians": [details],
        }

    rows = [
        row(2, email="goed@example.nl", language="pl"),
        row(3, mobile="12345"),
        row(4, email="niet-goed@@example"),
        row(5, email="goed2@example.nl", language="not a language!"),
        row(6, mobile="020 123 4567"),  # a landline cannot take SMS
    ]
    async with running_service() as running:
        first = await running.import_roster(tenant, school, rows)
        again = await running.import_roster(tenant, school, rows)

    assert first["imported"] == 1 and first["unchanged"] == 0
    assert [(e["line"], e["detail"].split(":")[0]) for e in first["errors"]] == [
        (3, "mobile"),
        (4, "email"),
        (5, "language"),
        (6, "mobile"),
    ]
    assert all("12345" not in e["detail"] and "@" not in e["detail"] for e in first["errors"])
    assert again["imported"] == 0 and again["unchanged"] == 1


def _dsn(original_message_id: str, recipient: str) -> bytes:
    """A delivery status notification (RFC 3464) as a receiving system sends it back."""
    return (
        "From: MAILER-DAEMON@mx.example.nl\r\n"
        "To: bounces@samen.invalid\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nThe mailbox does not exist.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.nl\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {original_message_id}\r\nSubject: Toestemming\r\n\r\n"
        "--B--\r\n"
    ).encode()


async def test_a_bounce_turns_an_accepted_email_into_a_failure_and_sms_takes_over(
    running_service: StartService,
) -> None:
    tenant, school, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4()
    address = "verhuisd@example.nl"
    async with running_service() as running:
        await _consent_given(
            running,
            tenant,
            school,
            {"guardian_id": str(guardian), "email": address, "mobile": "0612345678"},
        )
        (mail,) = await wait_for(lambda: running.mails(address))
        await wait_for(lambda: running.bus(tenant, "NotificationSent"))
        relay = aiosmtplib.SMTP(hostname="127.0.0.1", port=running.mail.port)
        await relay.connect()
        await relay.sendmail("", ["bounces@samen.invalid"], _dsn(str(mail["Message-ID"]), address))
        await relay.quit()
        (failed,) = await wait_for(lambda: running.bus(tenant, "NotificationFailed"))
        delivered = await wait_for(lambda: running.bus(tenant, "NotificationDelivered"))

    assert (failed[1]["reason"], failed[1]["fallback_channel"]) == ("bounced", "sms")
    assert failed[1]["provider_error_code"] == 511
    assert delivered[0][1]["channel"] == "sms"


async def test_a_gateway_that_keeps_failing_is_retried_then_recorded_as_failed(
    running_service: StartService,
) -> None:
    clock = FakeClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))  # 10:00 in Amsterdam
    tenant, school, pupil, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    async with running_service(clock=clock, send_max_attempts=3) as running:
        # The simulator answers 500 for numbers ending in 997.
        await running.import_family(
            tenant, school, first_name="Fenna", pupil=pupil, guardian=guardian, mobile="0612345997"
        )
        request = consent_requested(pupil, school, guardian)
        await running.publish_about(tenant, pupil, request)
        attempts = []
        for expected in (1, 2):
            attempts.append(await wait_for(partial(_attempted, running, tenant, pupil, expected)))
            clock.advance(timedelta(minutes=5))  # past any backoff
        (failed,) = await wait_for(lambda: running.bus(tenant, "NotificationFailed"))
        (unreachable,) = await wait_for(lambda: running.bus(tenant, "GuardianUnreachable"))

    assert [a["status"] for a in attempts] == ["planned", "planned"]
    assert (failed[1]["reason"], failed[1]["attempts"]) == ("retries_exhausted", 3)
    assert unreachable[1]["reason"] == "all_channels_failed"
    assert running.bus(tenant, "NotificationSent") == []


async def _attempted(
    running: Running, tenant: str, pupil: uuid.UUID, attempts: int
) -> dict[str, Any] | None:
    response = await running.http.get(
        f"/v1/pupils/{pupil}/notifications", headers=running.headers(tenant)
    )
    if response.status_code != 200 or not response.json():
        return None
    (message,) = response.json()[0]["messages"]
    waiting = message["status"] == "planned" and message["attempts"] == attempts
    return message if waiting else None
