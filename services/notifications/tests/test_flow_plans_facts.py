"""The plans service's facts reach the parents in their language: an action part that was
not set (with the dispute route) or that was set; an OPP evaluation that falls due."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from samen_contract import Event
from samen_contract.events.plans import ActionPartNotSet, ActionPartSet, EvaluationDue
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import Running, StartService

pytestmark = pytest.mark.integration


async def _family(running: Running, tenant: str, language: str) -> tuple[uuid.UUID, uuid.UUID]:
    school, pupil, guardian = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    row = {
        "line": 1,
        "pupil_id": str(pupil),
        "pupil_first_name": "Noor",
        "guardians": [
            {"guardian_id": str(guardian), "email": "o@example.nl", "language": language}
        ],
    }
    await running.import_roster(tenant, school, [row])
    await running.guardian_with_authority(tenant, pupil, guardian)
    return school, pupil


async def _told(running: Running, tenant: str, pupil: uuid.UUID, fact: Event) -> str:
    await running.publish_about(tenant, pupil, fact)
    (mail,) = await wait_for(running.mails)
    body = mail.get_body(("plain",))
    assert body is not None
    return f"{mail['Subject']}\n{body.get_content()}"


async def test_an_action_part_not_set_offers_a_new_conversation_and_the_dispute_route(
    running_service: StartService,
) -> None:
    tenant = new_tenant()
    async with running_service() as running:
        school, pupil = await _family(running, tenant, "tr")
        fact = ActionPartNotSet(
            opp_id=uuid.uuid4(),
            pupil_id=pupil,
            school_id=school,
            version=1,
            consent_request_id=uuid.uuid4(),
        )
        text = await _told(running, tenant, pupil, fact)
        page = running.settings.disputes_base_url + f"/ouders/geschil-starten/{pupil}?"

    assert "Noor için plan henüz geçerli değil" in text
    assert "yeni bir görüşmeye" in text
    assert page in text  # the dispute route, with a pupil link


async def test_an_action_part_set_tells_when_it_is_evaluated(
    running_service: StartService,
) -> None:
    tenant = new_tenant()
    async with running_service() as running:
        school, pupil = await _family(running, tenant, "nl")
        fact = ActionPartSet(
            opp_id=uuid.uuid4(),
            pupil_id=pupil,
            school_id=school,
            version=2,
            action_part_sha256="a" * 64,
            consent_request_id=uuid.uuid4(),
            set_on=date(2026, 3, 2),
            evaluation_due_on=date(2027, 3, 2),
        )
        text = await _told(running, tenant, pupil, fact)

    assert "Het plan voor Noor geldt nu" in text
    assert "2 maart 2027" in text


async def test_the_opps_evaluation_due_from_plans_reaches_the_parents(
    running_service: StartService,
) -> None:
    tenant = new_tenant()
    async with running_service() as running:
        school, pupil = await _family(running, tenant, "en")
        fact = EvaluationDue(
            opp_id=uuid.uuid4(), pupil_id=pupil, school_id=school, due_on=date(2026, 4, 1)
        )
        text = await _told(running, tenant, pupil, fact)

    assert "look back together" in text
    assert "1 April 2026" in text
