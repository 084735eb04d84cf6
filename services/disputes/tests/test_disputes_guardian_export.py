"""Right of access (AVG art. 15): a guardian downloads what the disputes service holds
about their child and themselves, as its parent pages authorise them."""

from __future__ import annotations

from uuid import uuid4

import httpx
import pytest

from services.disputes.tests.disputes_harness import Roster, Running, enrolled
from services.disputes.tests.test_disputes_parent_pages import open_on_page

pytestmark = pytest.mark.integration

EXPORT = "/v1/guardian/export"


async def test_a_guardian_who_opened_a_dispute_gets_it_and_their_standing_in_the_export(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster, guardians=2)
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        dispute_id, token = await open_on_page(disputes, guardian, pupil)
        response = await guardian.get(f"{EXPORT}/{pupil.pupil_id}", params={"token": token})

    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    held = response.json()["holdings"]
    stored = await disputes.sql(
        "SELECT id FROM dispute WHERE tenant = :t AND pupil_id = :p",
        t=pupil.tenant,
        p=pupil.pupil_id,
    )
    assert [row["id"] for row in held["dispute"]] == [str(r[0]) for r in stored]
    assert [row["id"] for row in held["dispute"]] == [dispute_id]
    # The other guardian's standing is theirs: only this guardian's is in the export.
    assert [row["guardian_id"] for row in held["roster_guardianship"]] == [str(pupil.guardians[0])]


async def test_a_link_for_one_pupil_does_not_open_another_pupils_export(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    token = disputes.guardian_token(pupil.tenant, pupil.guardians[0], pupil.pupil_id)
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        other = await guardian.get(f"{EXPORT}/{uuid4()}", params={"token": token})
        without = await guardian.get(f"{EXPORT}/{pupil.pupil_id}")

    assert other.status_code == 404
    assert without.status_code == 401


async def test_the_same_ids_in_another_tenant_export_nothing_of_this_tenant(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    twin = await enrolled(disputes, consent_roster, same_ids_as=pupil)
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        await open_on_page(disputes, guardian, pupil)
    token = disputes.guardian_token(twin.tenant, twin.guardians[0], twin.pupil_id)
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        response = await guardian.get(f"{EXPORT}/{twin.pupil_id}", params={"token": token})

    assert response.status_code == 200
    assert response.json()["holdings"]["dispute"] == []
