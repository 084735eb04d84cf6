"""The plans service's facts reach the parents in their language: an action part that was
not set (with the dispute route) or that was set; an OPP evaluation that falls due."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from samen_contract import Event
from samen_contract.events.plans import ActionPartNotSet, ActionPartSet, EvaluationDue
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import Running, StartService

pytestmark = pytest.mark.integration


async def _family(running: Running, tenant: str, language: str) -> tuple[uuid.UUID, uuid.UUID]:
    school = uuid.uuid4()
    pupil, guardian = await running.import_family(
        tenant, school, first_name="Noor", email="o@example.nl", language=language
    )
    await running.guardian_with_authority(tenant, pupil, guardian)
    return school, pupil


async def _told(running: Running, tenant: str, pupil: uuid.UUID, fact: Event) -> str:
    await running.publish_about(tenant, pupil, fact)
    (mail,) = await wait_for(running.mails)
    body = mail.get_body(("plain",))
    assert body is not None
    return f"{mail['Subject']}\n{body.get_content()}"


def _not_set(pupil: uuid.UUID, school: uuid.UUID) -> Event:
    return ActionPartNotSet(
        opp_id=uuid.uuid4(),
        pupil_id=pupil,
        school_id=school,
        version=1,
        consent_request_id=uuid.uuid4(),
    )


def _set(pupil: uuid.UUID, school: uuid.UUID) -> Event:
    return ActionPartSet(
        opp_id=uuid.uuid4(),
        pupil_id=pupil,
        school_id=school,
        version=2,
        action_part_sha256="a" * 64,
        consent_request_id=uuid.uuid4(),
        set_on=date(2026, 3, 2),
        evaluation_due_on=date(2027, 3, 2),
    )


def _evaluation_due(pupil: uuid.UUID, school: uuid.UUID) -> Event:
    return EvaluationDue(
        opp_id=uuid.uuid4(), pupil_id=pupil, school_id=school, due_on=date(2026, 4, 1)
    )


# The fact, the parent's language, and what the letter says ("{disputes}" and "{pupil}":
# the disputes service's address and the pupil's id).
TOLD = {
    "an_action_part_not_set_offers_a_new_conversation_and_the_dispute_route": (
        _not_set,
        "tr",
        (
            "Noor için plan henüz geçerli değil",
            "yeni bir görüşmeye",
            "{disputes}/ouders/geschil-starten/{pupil}?",  # the dispute route, a pupil link
        ),
    ),
    "an_action_part_set_tells_when_it_is_evaluated": (
        _set,
        "nl",
        ("Het plan voor Noor geldt nu", "2 maart 2027"),
    ),
    "the_opps_evaluation_due_reaches_the_parents": (
        _evaluation_due,
        "en",
        ("look back together", "1 April 2026"),
    ),
}


@pytest.mark.parametrize(("fact_of", "language", "says"), TOLD.values(), ids=TOLD.keys())
async def test_a_plans_fact_reaches_the_parents_in_their_language(
    running_service: StartService,
    fact_of: Callable[[uuid.UUID, uuid.UUID], Event],
    language: str,
    says: tuple[str, ...],
) -> None:
    tenant = new_tenant()
    async with running_service() as running:
        school, pupil = await _family(running, tenant, language)
        text = await _told(running, tenant, pupil, fact_of(pupil, school))
        disputes = running.settings.disputes_base_url

    for phrase in says:
        assert phrase.format(disputes=disputes, pupil=pupil) in text
