"""Every route keeps to its tenant and the caller's schools; roles keep to their work.
What is out of reach answers 404 as if it did not exist."""

from __future__ import annotations

from uuid import uuid4

import httpx
import pytest
from samen_contract.events.consent import GuardianStanding
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant

from services.admissions.tests.admissions_harness import Consent, Running, request_item
from services.admissions.tests.admissions_steps import draft, enrolled, ib, swv

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("term_time")]


async def test_another_tenant_and_another_school_find_nothing(
    admissions: Running, consent_facts: Consent, client: httpx.AsyncClient
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    request_id = (await draft(client, run, pupil))["id"]
    path = f"/admission-requests/{request_id}"

    other_tenant = run.staff_token(new_tenant(), Role.SWV_STAFF)
    other_school = run.staff_token(pupil.tenant, Role.IB, schools=(uuid4(),))
    assert (await client.get(path, headers=other_tenant)).status_code == 404
    assert (await client.get(path, headers=other_school)).status_code == 404
    assert (await client.get(path, headers=swv(run, pupil, Role.SWV_STAFF))).status_code == 200
    listed = await client.get("/admission-requests", headers=other_tenant)
    assert listed.json()["items"] == []


async def test_each_role_keeps_to_its_own_work(
    admissions: Running, consent_facts: Consent, client: httpx.AsyncClient
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    request_id = (await draft(client, run, pupil))["id"]
    dates = {"start_date": "2026-08-01", "end_date": "2027-07-31"}
    grant = f"/admission-requests/{request_id}/grant"
    for role in (Role.EXPERT, Role.SWV_STAFF, Role.IB):
        assert (
            await client.post(grant, json=dates, headers=swv(run, pupil, role))
        ).status_code == 403
    advice = {"discipline": "psychologist", "advice": "positive", "text": "Advies."}
    school_advice = await client.post(
        f"/admission-requests/{request_id}/advice", json=advice, headers=ib(run, pupil)
    )
    assert school_advice.status_code == 403
    report = await client.get("/inspectie-report", headers=ib(run, pupil))
    assert report.status_code == 403


async def test_a_guardian_link_opens_only_its_own_request(
    admissions: Running, consent_facts: Consent, client: httpx.AsyncClient
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    first = (await draft(client, run, pupil))["id"]
    second = (await draft(client, run, pupil))["id"]
    token = run.guardian_token(
        pupil.tenant, pupil.guardians[0], pupil.pupil_id, request_item(first)
    )
    async with httpx.AsyncClient(base_url=run.base_url) as guardian:
        own = await guardian.get(f"/ouders/aanvragen/{first}", params={"token": token})
        other = await guardian.get(f"/ouders/aanvragen/{second}", params={"token": token})
    assert own.status_code == 200
    assert other.status_code == 404


async def test_a_guardian_without_parental_authority_reads_but_cannot_add_a_view(
    admissions: Running, consent_facts: Consent, client: httpx.AsyncClient
) -> None:
    information_only = GuardianStanding.INFORMATION_RIGHT
    pupil = await enrolled(admissions, consent_facts, standing=information_only)
    request_id = (await draft(client, admissions, pupil))["id"]
    token = admissions.guardian_token(
        pupil.tenant, pupil.guardians[0], pupil.pupil_id, request_item(request_id)
    )
    async with httpx.AsyncClient(base_url=admissions.base_url) as guardian:
        page = await guardian.get(f"/ouders/aanvragen/{request_id}", params={"token": token})
        assert page.status_code == 200
        sent = await guardian.post(
            f"/ouders/aanvragen/{request_id}/mening",
            data={"token": token, "text": "Wij willen dit."},
        )
    assert sent.status_code == 403
