"""A refused TLV, the parents' objection on their page, and the national advisory
committee's step before the decision on the objection."""

from __future__ import annotations

import httpx
import pytest
from samen_kit.access import Role

from services.admissions.tests.admissions_harness import Consent, Running, Tap, request_item
from services.admissions.tests.admissions_steps import REASONS, enrolled, submitted_and_advised, swv

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("term_time")]
GROUNDS = "Wij vinden dat de deskundigen ons kind niet goed kennen."


async def test_refused_then_objection_then_advice_then_decision(
    admissions: Running, consent_facts: Consent, admissions_tap: Tap, client: httpx.AsyncClient
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    request_id = await submitted_and_advised(client, run, consent_facts, pupil)
    committee = swv(run, pupil, Role.COMMITTEE)
    refused = await client.post(
        f"/admission-requests/{request_id}/refusal", json={"reasons": REASONS}, headers=committee
    )
    assert refused.status_code == 200 and refused.json()["status"] == "refused"

    token = run.guardian_token(
        pupil.tenant, pupil.guardians[0], pupil.pupil_id, request_item(request_id)
    )
    async with httpx.AsyncClient(base_url=run.base_url) as guardian:
        page = await guardian.get(f"/ouders/aanvragen/{request_id}", params={"token": token})
        assert REASONS in page.text
        assert "eerst een landelijke commissie" in page.text
        objected = await guardian.post(
            f"/ouders/aanvragen/{request_id}/bezwaar",
            data={"token": token, "grounds": GROUNDS, "taal": "nl"},
        )
        assert objected.status_code == 303
        again = await guardian.post(
            f"/ouders/aanvragen/{request_id}/bezwaar", data={"grounds": GROUNDS}
        )
        assert again.status_code == 409  # one objection open at a time

    early = await client.post(
        f"/admission-requests/{request_id}/objection/decision",
        json={"outcome": "upheld"},
        headers=committee,
    )
    assert early.status_code == 409 and "advisory-step-missing" in early.json()["type"]
    advised = await client.post(
        f"/admission-requests/{request_id}/objection/advice",
        json={"advice": "well_founded"},
        headers=swv(run, pupil, Role.SWV_STAFF),
    )
    assert advised.status_code == 200
    decided = await client.post(
        f"/admission-requests/{request_id}/objection/decision",
        json={"outcome": "revised"},
        headers=committee,
    )
    assert decided.status_code == 200
    body = decided.json()
    assert body["status"] == "submitted"  # the refusal revoked: before the committee again
    assert body["objection"]["stage"] == "decided"
    assert body["objection"]["decide_by"] == "2026-07-06"  # Awb art. 7:10: twelve weeks

    names = {
        "AdmissionRefused",
        "AdmissionObjectionLodged",
        "AdmissionObjectionAdvised",
        "AdmissionObjectionDecided",
    }
    seen = await admissions_tap.wait(pupil.tenant, lambda s: names <= {x.name for x in s})
    lodged = next(s for s in seen if s.name == "AdmissionObjectionLodged")
    assert lodged.data["in_time"] and lodged.data["advisory_step"]
    assert lodged.envelope.actor == f"guardian:{pupil.guardians[0]}"
    refusal = next(s for s in seen if s.name == "AdmissionRefused")
    assert refusal.data["objection_by"] == "2026-04-13"
    assert REASONS not in str([s.data for s in seen]) and GROUNDS not in str([s.data for s in seen])
