"""Queries over HTTP: "may we?" for a pupil and purpose, lists per school, and a
guardian's own overview."""

from __future__ import annotations

from datetime import date

import pytest
from samen_kit.access import GuardianItem, Role

from services.consent.tests.consent_harness import ConsentService, Family, School

pytestmark = pytest.mark.integration


async def test_may_we_says_never_asked_then_waiting_then_until_when(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    ib = consent.staff_token(school.tenant, Role.IB, schools=[school.school_id])
    url = f"/v1/pupils/{family.pupil_id}/consents/engage_swv"

    never = (await consent.http.get(url, headers=ib)).json()
    rid = (await consent.ask(school, family))["request_id"]
    waiting = (await consent.http.get(url, headers=ib)).json()
    for guardian in family.guardian_ids:
        await consent.answer(school.tenant, guardian, family.pupil_id, rid)
    given = (await consent.http.get(url, headers=ib)).json()

    assert (never["allowed"], never["reason"]) == (False, "never_asked")
    assert (waiting["allowed"], waiting["reason"], waiting["answers_needed"]) == (
        False,
        "waiting",
        2,
    )
    assert set(waiting["waiting_for"]) == {str(g) for g in family.guardian_ids}
    assert (given["allowed"], given["reason"], given["request_id"]) == (True, "given", rid)
    assert date.fromisoformat(given["last_valid_day"]).strftime("%m-%d") == "07-31"


async def test_a_trajectbegeleider_may_ask_may_we_but_not_read_the_roster(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    adviser = consent.staff_token(school.tenant, Role.TRAJECTBEGELEIDER, schools=[school.school_id])

    status = await consent.http.get(f"/v1/pupils/{family.pupil_id}/consents", headers=adviser)
    roster = await consent.http.get(f"/v1/pupils/{family.pupil_id}", headers=adviser)

    assert status.status_code == 200
    assert {s["purpose"] for s in status.json()} >= {"engage_swv", "mdo_request", "assessment"}
    assert roster.status_code == 403


async def test_staff_list_a_schools_requests_and_consents_per_purpose(
    consent: ConsentService, school: School
) -> None:
    asked, not_asked = Family.of(), Family.of()
    await consent.import_families(school, [asked, not_asked])
    rid = (await consent.ask(school, asked, "mdo_request"))["request_id"]
    ib = consent.staff_token(school.tenant, Role.IB, schools=[school.school_id])

    requests = await consent.http.get(
        f"/v1/schools/{school.school_id}/requests", params={"state": "open"}, headers=ib
    )
    consents = await consent.http.get(
        f"/v1/schools/{school.school_id}/consents", params={"purpose": "mdo_request"}, headers=ib
    )
    pupils = await consent.http.get(f"/v1/schools/{school.school_id}/pupils", headers=ib)

    assert [r["request_id"] for r in requests.json()] == [rid]
    reasons = {c["pupil_id"]: c["reason"] for c in consents.json()}
    assert reasons == {str(asked.pupil_id): "waiting", str(not_asked.pupil_id): "never_asked"}
    assert {p["pupil_id"] for p in pupils.json()} == {str(asked.pupil_id), str(not_asked.pupil_id)}


async def test_a_guardian_sees_their_own_overview_with_a_link_only_where_theirs_opens(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    first = (await consent.ask(school, family, "engage_swv"))["request_id"]
    second = (await consent.ask(school, family, "share_file"))["request_id"]
    guardian = family.guardian_ids[0]
    token = consent.guardian_token(
        school.tenant, guardian, family.pupil_id, GuardianItem.of("consent_request", first)
    )
    async with consent.guardian_client() as browser:
        page = await browser.get("/ouders/overzicht", params={"token": token, "taal": "en"})

    assert page.status_code == 200
    assert "Hulp vragen aan het samenwerkingsverband" in page.text
    assert "Het groeidocument delen met anderen" in page.text
    assert "Asking the school partnership for help" in page.text
    assert f"/ouders/toestemming/{first}?" in page.text
    assert f"/ouders/toestemming/{second}?" not in page.text


async def test_a_pupil_wide_link_opens_every_request_of_that_pupil(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    rid = (await consent.ask(school, family, "share_file"))["request_id"]
    token = consent.guardian_token(
        school.tenant,
        family.guardian_ids[0],
        family.pupil_id,
        GuardianItem.of("pupil", family.pupil_id),
    )
    async with consent.guardian_client() as browser:
        page = await browser.get(f"/ouders/toestemming/{rid}", params={"token": token})
    assert page.status_code == 200 and "Het groeidocument delen" in page.text
