"""Right of access (AVG art. 15): a guardian downloads what the plans service holds about
their child (the OPP among it) with their link, as the OPP parent pages authorise."""

from __future__ import annotations

from uuid import uuid4

import httpx
import pytest
from samen_contract.events.consent import GuardianshipRecorded, GuardianStanding
from samen_kit.testing.roster import guardian_of_at_least
from samen_kit.testing.waiting import wait_for

from services.plans.tests.plans_harness import Roster, Running
from services.plans.tests.plans_requests import enrolled, started

pytestmark = pytest.mark.integration

EXPORT = "/v1/guardian/export"


async def test_a_guardian_gets_their_childs_opp_in_the_export(
    plans: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(plans, consent_roster)
    token = plans.guardian_token(pupil.tenant, pupil.guardians[0], pupil.pupil_id)
    async with httpx.AsyncClient(base_url=plans.base_url) as client:
        opp_id = await started(client, plans, pupil)
        response = await client.get(f"{EXPORT}/{pupil.pupil_id}", params={"token": token})

    assert response.status_code == 200, response.text
    held = response.json()["holdings"]
    stored = await plans.sql(
        "SELECT opp_id FROM opp WHERE tenant = :t AND pupil_id = :p",
        t=pupil.tenant,
        p=pupil.pupil_id,
    )
    assert [row["opp_id"] for row in held["opp"]] == [str(r[0]) for r in stored] == [opp_id]


async def test_a_guardian_without_parental_authority_or_for_another_pupil_gets_nothing(
    plans: Running, consent_roster: Roster
) -> None:
    informed = await enrolled(plans, consent_roster, standing=GuardianStanding.INFORMATION_RIGHT)
    token = plans.guardian_token(informed.tenant, informed.guardians[0], informed.pupil_id)
    async with httpx.AsyncClient(base_url=plans.base_url) as client:
        refused = await client.get(f"{EXPORT}/{informed.pupil_id}", params={"token": token})
        other = await client.get(f"{EXPORT}/{uuid4()}", params={"token": token})

    assert refused.status_code == 404
    assert other.status_code == 404


async def test_the_guardian_session_opens_the_export_of_each_child_with_parental_authority(
    plans: Running, consent_roster: Roster
) -> None:
    first = await enrolled(plans, consent_roster)
    parent = first.guardians[0]
    second = await consent_roster.enrol(first.tenant, school_id=first.school_id)
    informed = await consent_roster.enrol(first.tenant, school_id=first.school_id)
    for pupil, standing in (
        (second, GuardianStanding.PARENTAL_AUTHORITY),
        (informed, GuardianStanding.INFORMATION_RIGHT),
    ):
        recorded = GuardianshipRecorded(
            pupil_id=pupil.pupil_id, guardian_id=parent, standing=standing
        )
        await consent_roster.publish(
            recorded, tenant=first.tenant, subject=pupil.pupil_id, school=first.school_id
        )
    await wait_for(lambda: guardian_of_at_least(plans.sessions, first.tenant, parent, 3))
    session = plans.guardian_session(first.tenant, parent, first.pupil_id)
    token = plans.guardian_token(first.tenant, parent, first.pupil_id)
    async with httpx.AsyncClient(base_url=plans.base_url) as client:
        opp_id = await started(client, plans, second)
        link_only = await client.get(f"{EXPORT}/{second.pupil_id}", params={"token": token})
    async with httpx.AsyncClient(base_url=plans.base_url, cookies=session) as browser:
        signed_in = await browser.get(f"{EXPORT}/{second.pupil_id}")
        information_only = await browser.get(f"{EXPORT}/{informed.pupil_id}")

    assert signed_in.status_code == 200, signed_in.text
    assert [row["opp_id"] for row in signed_in.json()["holdings"]["opp"]] == [opp_id]
    assert link_only.status_code == 404  # a link opens its own child only
    assert information_only.status_code == 404
