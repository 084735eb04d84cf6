"""Two tenants whose rosters use the same pupil and guardian ids keep two pupils apart:
tenant B importing the pupil (at its own school, one guardian with only the right to
information, the pupil already left) changes nothing of tenant A's pupil. A's staff
still see their pupil (not 404) and ask A's guardians, A's parents still open and answer
their question, and B's staff see B's own pupil."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID

import pytest
from samen_kit.access import GuardianItem, Role

from services.consent.tests.consent_harness import ConsentService, Family, School

pytestmark = pytest.mark.integration


async def test_a_second_tenants_pupil_with_the_same_ids_leaves_the_first_tenants_alone(
    consent: ConsentService,
) -> None:
    a_school, b_school = School.new(), School.new()
    a_family = Family.of()
    (first, second) = a_family.guardian_ids
    b_family = replace(
        a_family,
        guardians=((first, "information_right"), (second, "parental_authority")),
        left_on=date(2026, 1, 9),
    )
    await consent.import_families(a_school, [a_family])
    await consent.import_families(b_school, [b_family])

    request = await consent.ask(a_school, a_family)
    rid = UUID(request["request_id"])
    token = consent.guardian_token(
        a_school.tenant, first, a_family.pupil_id, GuardianItem.of("consent_request", rid)
    )
    async with consent.guardian_client() as browser:
        consent.confirm(browser, a_school.tenant, first)
        page = await browser.get(f"/ouders/toestemming/{rid}", params={"token": token})
        answered = await browser.post(
            f"/ouders/toestemming/{rid}/antwoord", data={"antwoord": "ja", "token": token}
        )
    staff_a = consent.staff_token(a_school.tenant, Role.IB, schools=[a_school.school_id])
    staff_b = consent.staff_token(b_school.tenant, Role.IB, schools=[b_school.school_id])
    seen_by_a = await consent.http.get(f"/v1/pupils/{a_family.pupil_id}", headers=staff_a)
    seen_by_b = await consent.http.get(f"/v1/pupils/{a_family.pupil_id}", headers=staff_b)

    assert sorted(p["party_id"] for p in request["parties"]) == sorted(map(str, (first, second)))
    assert page.status_code == 200
    assert answered.status_code == 303
    assert seen_by_a.status_code == 200, seen_by_a.text
    assert seen_by_a.json()["school_id"] == str(a_school.school_id)
    assert seen_by_a.json()["left_on"] is None
    assert {g["guardian_id"]: g["standing"] for g in seen_by_a.json()["guardians"]} == {
        str(first): "parental_authority",
        str(second): "parental_authority",
    }
    assert seen_by_b.status_code == 200, seen_by_b.text
    assert seen_by_b.json()["school_id"] == str(b_school.school_id)
    assert seen_by_b.json()["left_on"] == "2026-01-09"
    assert {g["guardian_id"]: g["standing"] for g in seen_by_b.json()["guardians"]} == {
        str(first): "information_right",
        str(second): "parental_authority",
    }
