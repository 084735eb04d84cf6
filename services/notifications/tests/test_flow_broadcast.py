"""A broadcast to a school reaches each guardian once, in their language where staff
wrote it, else in Dutch (counted)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

import pytest
from samen_contract.events.consent import GuardianshipRecorded, GuardianStanding
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import Running, StartService

pytestmark = pytest.mark.integration


async def test_a_school_broadcast_goes_once_to_every_guardian_in_their_language_or_dutch(
    running_service: StartService,
) -> None:
    tenant, school = new_tenant(), uuid.uuid4()
    languages = {"nl": uuid.uuid4(), "ar": uuid.uuid4(), "pl": uuid.uuid4()}
    pupils = {lang: uuid.uuid4() for lang in languages}
    async with running_service() as running:
        await running.import_roster(
            tenant,
            school,
            [
                {
                    "line": i,
                    "pupil_id": str(pupils[lang]),
                    "pupil_first_name": "Kind",
                    "guardians": [
                        {"guardian_id": str(g), "email": f"{lang}@example.nl", "language": lang}
                    ],
                }
                for i, (lang, g) in enumerate(languages.items())
            ],
        )
        for lang, guardian in languages.items():
            fact = GuardianshipRecorded(
                pupil_id=pupils[lang],
                guardian_id=guardian,
                standing=GuardianStanding.INFORMATION_RIGHT,
            )
            await running.publish(
                (running.envelope(fact, tenant=tenant, subject=str(pupils[lang])), fact)
            )
        body = {
            "broadcast_id": str(uuid.uuid4()),
            "scope": "school",
            "scope_id": str(school),
            "sender_name": "OBS De Regenboog",
            "texts": {
                "nl": {"subject": "Ouderavond", "body": "Welkom op de ouderavond.\n\nTot dan!"},
                "ar": {
                    "subject": "أمسية أولياء الأمور",
                    "body": "مرحبًا بكم في أمسية أولياء الأمور.",
                },
            },
        }
        headers = running.headers(tenant, Role.DIRECTOR, schools=(school,))
        first = await wait_for(lambda: _broadcast(running, body, headers, 3))
        again = await running.http.post("/v1/broadcasts", json=body, headers=headers)
        await wait_for(lambda: len(running.mails()) >= 3)
        status = await wait_for(lambda: _all_sent(running, body["broadcast_id"], headers))
        stats = await running.http.get("/v1/stats", headers=running.headers(tenant))
        mails = {str(m["To"]).split("@")[0]: m for m in running.mails()}

    assert first["recipients"] == 3 and again.status_code == 202
    assert status["messages"] == {"sent": 3}
    assert len(mails) == 3
    assert str(mails["nl"]["Subject"]) == "Ouderavond"
    assert str(mails["ar"]["Subject"]) == "أمسية أولياء الأمور"
    arabic = mails["ar"].get_body(("html",))
    assert arabic is not None and 'dir="rtl"' in arabic.get_content()
    assert (str(mails["pl"]["Subject"]), str(mails["pl"]["Content-Language"])) == (
        "Ouderavond",
        "nl",
    )
    assert stats.json()["counters"]["language_fallback"] == {"broadcast:pl>nl": 1}


async def _broadcast(
    running: Running, body: Mapping[str, object], headers: dict[str, str], expected: int
) -> dict[str, object] | None:
    response = await running.http.post("/v1/broadcasts", json=body, headers=headers)
    assert response.status_code == 202, response.text
    found: dict[str, object] = response.json()
    return found if found["recipients"] == expected else None


async def _all_sent(running: Running, broadcast_id: object, headers: dict[str, str]) -> object:
    response = await running.http.get(f"/v1/broadcasts/{broadcast_id}", headers=headers)
    found = response.json()
    return found if found["messages"] == {"sent": 3} else None
