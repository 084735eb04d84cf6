"""A parent told that an evaluation falls due also gets a link to open a dispute about
the pupil: a guardian token for item `pupil:<id>`, pointing at the disputes page."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from samen_contract.events.meetings import EvaluationDue, EvaluationKind
from samen_kit.access import GuardianTokenVerifier, StaticJwks
from samen_kit.access.devkeys import public_jwks
from samen_kit.db import unit_of_work
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for
from samen_notifications.adapters import roster

from services.notifications.tests.notifications_harness import Running, StartService, guardianship

pytestmark = pytest.mark.integration

OFFER = "Bent u het ergens niet mee eens? Dat kunt u hier melden:"


async def test_an_evaluation_due_carries_a_link_to_open_a_dispute_about_the_pupil(
    running_service: StartService,
) -> None:
    tenant, school, pupil, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        await running.import_family(
            tenant,
            school,
            first_name="Noor",
            pupil=pupil,
            guardian=guardian,
            email="o@example.nl",
            language="nl",
        )
        recorded = guardianship(pupil, guardian)
        await running.publish_about(tenant, pupil, recorded)
        await wait_for(lambda: _guardians_known(running, tenant, pupil))
        due = EvaluationDue(
            kind=EvaluationKind.OPP,
            subject_id=uuid.uuid4(),
            pupil_id=pupil,
            school_id=school,
            due_on=date(2026, 4, 1),
        )
        await running.publish_about(tenant, pupil, due)
        (mail,) = await wait_for(running.mails)
        page = running.settings.disputes_base_url + f"/ouders/geschil-starten/{pupil}?"

    body = mail.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert OFFER in text
    (url,) = [word for word in text.split() if word.startswith(page)]
    verifier = GuardianTokenVerifier(
        StaticJwks(public_jwks(running.keys.guardian)), clock=running.clock
    )
    grant = await verifier.verify(parse_qs(urlsplit(url).query)["token"][0])
    assert (grant.guardian_id, grant.pupil_id, grant.tenant) == (guardian, pupil, tenant)
    assert grant.item.is_("pupil", pupil)
    assert grant.expires_at == running.clock.now() + timedelta(days=14)


async def _guardians_known(running: Running, tenant: str, pupil: uuid.UUID) -> bool:
    async with unit_of_work(running.service.runtime.sessions) as session:
        return bool(await roster.guardians_of(session, tenant, pupil))
