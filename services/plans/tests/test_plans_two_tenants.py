"""Two tenants with the same pupil, guardian and OPP ids stay apart: staff of one never
see the other's OPP, and consent given in one sets nothing in the other."""

from __future__ import annotations

from uuid import UUID, uuid4

import httpx
import pytest
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.plans.tests.plans_harness import Roster, Running, Tap, pupil_known
from services.plans.tests.plans_requests import ib, offered, opp_of, version_body

pytestmark = pytest.mark.integration


async def test_same_ids_in_two_tenants_stay_apart(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    one = await consent_roster.enrol(new_tenant())
    other = await consent_roster.enrol(new_tenant(), same_ids_as=one)
    await wait_for(lambda: pupil_known(plans, one))
    await wait_for(lambda: pupil_known(plans, other))
    opp_id = str(uuid4())
    for pupil in (one, other):
        body = {"opp_id": opp_id, "pupil_id": str(pupil.pupil_id),
                "support_started_on": "2026-01-02"}  # fmt: skip
        assert (await client.post("/opps", json=body, headers=ib(plans, pupil))).status_code == 201
        written = await client.post(
            f"/opps/{opp_id}/versions", json=version_body(), headers=ib(plans, pupil)
        )
        assert written.status_code == 201
        assert (
            await offered(client, plans, one if pupil is one else other, opp_id, 1)
        ).status_code == 202
    sha = written.json()["action_part_sha256"]

    request_id = await consent_roster.requested(other, UUID(opp_id), 1, sha)
    await consent_roster.all_agree(other, request_id)
    await plans_tap.wait_for_one(other.tenant, "ActionPartSet")

    assert (await opp_of(client, plans, other, opp_id))["status"] == "set"
    assert (await opp_of(client, plans, one, opp_id))["status"] == "offered"
    assert not any(e.name == "ActionPartSet" for e in plans_tap.of(one.tenant))
    # A token of one tenant naming both schools still reaches only its own tenant's OPP.
    foreign = plans.staff_token(one.tenant, schools=(one.school_id, other.school_id))
    seen = await client.get(f"/opps/{opp_id}", headers=foreign)
    assert seen.status_code == 200 and seen.json()["status"] == "offered"
    stranger = plans.staff_token(new_tenant(), schools=(one.school_id,))
    assert (await client.get(f"/opps/{opp_id}", headers=stranger)).status_code == 404
