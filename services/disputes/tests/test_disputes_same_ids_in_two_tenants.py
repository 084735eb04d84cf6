"""Two tenants whose rosters use the same pupil and guardian ids keep two pupils apart:
tenant B's enrolment at another school, with the same guardian holding only the right
to information there, changes nothing of tenant A's pupil. A's staff still open a
dispute about their pupil at A's school (not 404), A's parent with parental authority
still opens one on the parents' page, and B's staff and parent get B's own pupil."""

from __future__ import annotations

import re

import httpx
import pytest
from samen_contract.events.consent import GuardianStanding
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.disputes.tests.disputes_harness import Pupil, Roster, Running, enrolled, pupil_known
from services.disputes.tests.test_disputes_parent_pages import PAGE, START, opening_form

pytestmark = pytest.mark.integration


async def open_as_staff(disputes: Running, http: httpx.AsyncClient, pupil: Pupil) -> httpx.Response:
    staff = disputes.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    body = {"pupil_id": str(pupil.pupil_id), "subject": "other", "description": "Zorgen"}
    return await http.post("/disputes", json=body, headers=staff)


async def open_as_parent(disputes: Running, pupil: Pupil) -> httpx.Response:
    token = disputes.guardian_token(pupil.tenant, pupil.guardians[0], pupil.pupil_id)
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        return await guardian.post(f"{START}/{pupil.pupil_id}", data=opening_form(disputes, token))


async def test_a_second_tenants_pupil_with_the_same_ids_leaves_the_first_tenants_alone(
    disputes: Running, consent_roster: Roster
) -> None:
    a = await enrolled(disputes, consent_roster)
    b = await consent_roster.enrol(
        new_tenant(), same_ids_as=a, standing=GuardianStanding.INFORMATION_RIGHT
    )
    await wait_for(lambda: pupil_known(disputes, b))
    assert (b.pupil_id, b.guardians) == (a.pupil_id, a.guardians)

    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        by_staff_of_a = await open_as_staff(disputes, http, a)
        by_staff_of_b = await open_as_staff(disputes, http, b)
        by_parent_of_a = await open_as_parent(disputes, a)
        by_parent_of_b = await open_as_parent(disputes, b)
        found = re.search(r"/ouders/geschillen/([0-9a-f-]{36})", by_parent_of_a.headers["location"])
        assert found is not None
        token = disputes.guardian_token(a.tenant, a.guardians[0], a.pupil_id)
        page_of_a = await http.get(f"{PAGE}/{found.group(1)}", params={"token": token})
        staff_b = disputes.staff_token(b.tenant, Role.IB, schools=(a.school_id, b.school_id))
        a_dispute_for_b = await http.get(f"/disputes/{by_staff_of_a.json()['id']}", headers=staff_b)

    assert by_staff_of_a.status_code == 201, by_staff_of_a.text
    assert by_staff_of_a.json()["school_id"] == str(a.school_id)
    assert by_parent_of_a.status_code == 303, by_parent_of_a.text
    assert page_of_a.status_code == 200
    assert by_staff_of_b.status_code == 201, by_staff_of_b.text
    assert by_staff_of_b.json()["school_id"] == str(b.school_id)
    assert by_parent_of_b.status_code == 403  # B's guardian only has the right to information
    assert a_dispute_for_b.status_code == 404
