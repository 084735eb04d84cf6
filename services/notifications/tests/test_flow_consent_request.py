"""A consent request reaches each guardian once, in their own language, over real SMTP."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from samen_contract import Envelope
from samen_contract.events.consent import ConsentGiven
from samen_kit.roster import Roster
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import (
    Running,
    StartService,
    consent_requested,
    guardianship,
)

pytestmark = pytest.mark.integration


async def _guardianship_known(running: Running, tenant: str, pupil: uuid.UUID) -> bool:
    async with running.service.runtime.sessions() as session:
        return bool(await Roster(session).guardians(tenant, pupil))


async def test_two_guardians_get_one_message_each_in_their_language_however_often_it_arrives(
    running_service: StartService,
) -> None:
    tenant, school, pupil = new_tenant(), uuid.uuid4(), uuid.uuid4()
    dutch, arabic = uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        await running.import_roster(
            tenant,
            school,
            [
                {
                    "line": 2,
                    "pupil_id": str(pupil),
                    "pupil_first_name": "Noor",
                    "guardians": [
                        {
                            "guardian_id": str(dutch),
                            "email": "ouder.nl@example.nl",
                            "language": "nl",
                        },
                        {
                            "guardian_id": str(arabic),
                            "email": "ouder.ar@example.nl",
                            "language": "ar",
                        },
                    ],
                }
            ],
        )
        request = consent_requested(
            pupil, school, dutch, arabic, purpose="mdo_request", answer_by=date(2026, 1, 20)
        )
        envelope = running.envelope(request, tenant=tenant, subject=str(pupil))
        await running.publish((envelope, request), times=10)
        # A later fact about the same pupil: once it is applied, all ten copies were read.
        later = guardianship(pupil, dutch)
        await running.publish_about(tenant, pupil, later)
        await wait_for(lambda: _guardianship_known(running, tenant, pupil))
        sent = await wait_for(lambda: _sent(running, tenant, 2))
        mails = running.mails()

    assert len(mails) == 2
    by_language = {str(mail["Content-Language"]): mail for mail in mails}
    assert set(by_language) == {"nl", "ar"}
    assert "ouder.nl@example.nl" in str(by_language["nl"]["To"])
    arabic_html = by_language["ar"].get_body(("html",))
    assert arabic_html is not None and 'dir="rtl"' in arabic_html.get_content()
    assert "Noor" in str(by_language["nl"]["Subject"])
    assert len({str(mail["Message-ID"]) for mail in mails}) == 2
    assert sorted((data["language"], data["fell_back"]) for _, data in sent) == [
        ("ar", False),
        ("nl", False),
    ]
    assert {data["recipient_id"] for _, data in sent} == {str(dutch), str(arabic)}
    assert all(data["confirmation"] == "relay_accepted" for _, data in sent)


def _sent(running: Running, tenant: str, count: int) -> list[tuple[Envelope, dict[str, Any]]]:
    events = running.bus(tenant, "NotificationSent")
    return events if len(events) >= count else []


async def test_a_given_consent_confirms_to_the_parent_and_tells_the_schools_ib_in_dutch(
    running_service: StartService,
) -> None:
    tenant, school, other_school = new_tenant(), uuid.uuid4(), uuid.uuid4()
    pupil, guardian = uuid.uuid4(), uuid.uuid4()
    ib, ib_elsewhere, director = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        staff = [
            {
                "staff_id": str(ib),
                "role": "ib",
                "school_ids": [str(school)],
                "email": "ib@school.nl",
            },
            {
                "staff_id": str(ib_elsewhere),
                "role": "ib",
                "school_ids": [str(other_school)],
                "email": "ib@elders.nl",
            },
            {
                "staff_id": str(director),
                "role": "director",
                "school_ids": [str(school)],
                "email": "directie@school.nl",
            },
        ]
        imported = await running.http.post(
            "/v1/roster/staff", json={"staff": staff}, headers=running.headers(tenant)
        )
        assert imported.json() == {"imported": 3, "unchanged": 0, "errors": []}
        await running.import_family(
            tenant,
            school,
            first_name="Jip",
            pupil=pupil,
            guardian=guardian,
            email="ouder@example.nl",
            language="en",
        )
        facts = [
            guardianship(pupil, guardian),
            ConsentGiven(
                request_id=uuid.uuid4(), pupil_id=pupil, purpose="engage_swv", purpose_version=1
            ),
        ]
        await running.publish_about(tenant, pupil, *facts)
        sent = await wait_for(lambda: _sent(running, tenant, 2))
        mails = {str(m["To"]): m for m in running.mails()}

    assert set(mails) == {"ouder@example.nl", "ib@school.nl"}
    assert str(mails["ouder@example.nl"]["Content-Language"]) == "en"
    assert str(mails["ib@school.nl"]["Content-Language"]) == "nl"
    kinds = sorted((data["recipient_kind"], data["template"]) for _, data in sent)
    assert kinds == [("guardian", "consent_given"), ("staff", "staff_consent_given")]
