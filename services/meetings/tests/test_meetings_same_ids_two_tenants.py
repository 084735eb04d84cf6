"""Roster ids are unique only within a tenant: two tenants whose schools import a pupil
(and guardian) with the same id each keep their own pupil, guardians and consent state."""

from __future__ import annotations

from uuid import uuid4

import httpx
import pytest
from samen_contract.events.consent import ConsentGiven
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.meetings.tests.meetings_harness import Roster, Running

pytestmark = pytest.mark.integration


async def test_a_second_tenant_importing_the_same_pupil_id_does_not_take_the_first_ones(
    meetings: Running, consent_roster: Roster
) -> None:
    ones = await consent_roster.enrol(new_tenant())
    theirs = await consent_roster.enrol(new_tenant(), same_ids_as=ones)
    pupil_id = ones.pupil_id
    first, second = ones.tenant, theirs.tenant
    schools = {first: ones.school_id, second: theirs.school_id}
    given = ConsentGiven(
        request_id=uuid4(), pupil_id=pupil_id, purpose="mdo_request", purpose_version=1
    )
    await consent_roster.publish(given, tenant=first, subject=pupil_id)

    async def both_known() -> bool:
        rows = await meetings.sql(
            "SELECT count(*) FROM roster_guardianship WHERE pupil_id = :p", p=pupil_id
        )
        consents = await meetings.sql(
            "SELECT count(*) FROM consent_state WHERE pupil_id = :p", p=pupil_id
        )
        return bool(rows[0][0] == 2 and consents[0][0] == 1)

    await wait_for(both_known)

    for tenant in (first, second):
        staff = meetings.staff_token(tenant, Role.IB, schools=(schools[tenant],))
        async with httpx.AsyncClient(base_url=meetings.base_url, headers=staff) as http:
            seen = await http.get(f"/pupils/{pupil_id}")
        assert seen.status_code == 200, (tenant, seen.text)
    rows = await meetings.sql(
        "SELECT tenant, school_id FROM roster_pupil WHERE pupil_id = :p ORDER BY tenant",
        p=pupil_id,
    )
    assert sorted((r[0], r[1]) for r in rows) == sorted(schools.items())
    consent = await meetings.sql(
        "SELECT tenant, status FROM consent_state WHERE pupil_id = :p", p=pupil_id
    )
    assert [tuple(r) for r in consent] == [(first, "given")]
