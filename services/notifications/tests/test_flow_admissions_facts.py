"""The admissions service's facts reach the parents in their language, with a link to the
request on the admissions page, and the school's staff (and for a thuiszitter the
samenwerkingsverband's trajectbegeleider) in Dutch."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from email.message import EmailMessage

import pytest
from samen_contract import Event
from samen_contract.events.admissions import (
    AdmissionGranted,
    AdmissionRequestDrafted,
    ThuiszitterReported,
)
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import Running, StartService

pytestmark = pytest.mark.integration

PARENT = "ouder@example.nl"
STAFF = {"ib": "ib@school.nl", "director": "directie@school.nl", "trajectbegeleider": "tb@swv.nl"}


async def _family(running: Running, tenant: str, language: str) -> tuple[uuid.UUID, uuid.UUID]:
    school = uuid.uuid4()
    staff = [
        {"staff_id": str(uuid.uuid4()), "role": role, "school_ids": [str(school)], "email": to}
        for role, to in STAFF.items()
    ]
    response = await running.http.post(
        "/v1/roster/staff", json={"staff": staff}, headers=running.headers(tenant)
    )
    assert response.status_code == 200, response.text
    pupil, guardian = await running.import_family(
        tenant, school, first_name="Noor", email=PARENT, language=language
    )
    await running.guardian_with_authority(tenant, pupil, guardian)
    return school, pupil


async def _parent_told(
    running: Running, tenant: str, language: str, fact: Callable[[uuid.UUID, uuid.UUID], Event]
) -> EmailMessage:
    """A family speaking `language` and `fact(school, pupil)` about its pupil published:
    the one mail the parent gets."""
    school, pupil = await _family(running, tenant, language)
    await running.publish_about(tenant, pupil, fact(school, pupil))
    (parent,) = await wait_for(lambda: running.mails(PARENT))
    return parent


def _text(mail: EmailMessage) -> str:
    body = mail.get_body(("plain",))
    assert body is not None
    return f"{mail['Subject']}\n{body.get_content()}"


async def test_a_granted_tlv_tells_the_parent_their_rights_and_the_ib_in_dutch(
    running_service: StartService,
) -> None:
    tenant, request = new_tenant(), uuid.uuid4()
    async with running_service() as running:
        parent = await _parent_told(running, tenant, "pl", lambda school, pupil: AdmissionGranted(
            request_id=request, pupil_id=pupil, school_id=school, kind="tlv", category="so_low",
            decided_on=date(2026, 3, 2), start_date=date(2026, 4, 1), end_date=date(2027, 7, 31),
            objection_by=date(2026, 4, 14),
        ))  # fmt: skip
        (ib,) = await wait_for(lambda: running.mails(STAFF["ib"]))
        page = f"{running.settings.admissions_base_url}/ouders/aanvragen/{request}?"
        quiet = running.mails(STAFF["trajectbegeleider"])

    letter = _text(parent)
    assert "Samenwerkingsverband zgadza się na wniosek dla Noor" in letter
    assert "14 kwietnia 2026" in letter  # the last day to object
    assert "krajowa komisja doradcza" in letter  # a TLV's objection goes to the committee
    assert page in letter and "taal=pl" in letter
    assert "Toegekend door het samenwerkingsverband: Noor" in _text(ib)
    assert quiet == []  # a decision is the school's news, not the trajectbegeleider's


async def test_a_drafted_request_asks_the_parents_view_on_the_admissions_page(
    running_service: StartService,
) -> None:
    tenant, request = new_tenant(), uuid.uuid4()
    async with running_service() as running:
        parent = await _parent_told(running, tenant, "nl", lambda school, pupil: (
            AdmissionRequestDrafted(
                request_id=request, pupil_id=pupil, school_id=school, kind="arrangement",
                category="medium",
            )
        ))  # fmt: skip
        page = f"{running.settings.admissions_base_url}/ouders/aanvragen/{request}?"
        staff = [m for to in STAFF.values() for m in running.mails(to)]

    letter = _text(parent)
    assert "De school wil hulp vragen aan het samenwerkingsverband" in letter
    assert "Lees de aanvraag en geef uw mening" in letter
    assert page in letter
    assert staff == []


async def test_a_thuiszitter_reaches_the_school_the_samenwerkingsverband_and_the_parents(
    running_service: StartService,
) -> None:
    tenant = new_tenant()
    async with running_service() as running:
        parent = await _parent_told(running, tenant, "uk", lambda school, pupil: (
            ThuiszitterReported(
                absence_id=uuid.uuid4(), pupil_id=pupil, school_id=school,
                home_since=date(2026, 1, 12), reported_on=date(2026, 2, 10),
            )
        ))  # fmt: skip
        notices = {
            role: await wait_for(lambda to=to: running.mails(to)) for role, to in STAFF.items()
        }

    assert all("Thuiszitter gemeld: Noor" in _text(m) for (m,) in notices.values())
    letter = _text(parent)
    assert "освітньому консультанту" in letter  # they may call an onderwijsconsulent
    assert "/ouders/" not in letter  # no page to open
