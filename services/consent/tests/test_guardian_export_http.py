"""Right of access (AVG art. 15): a guardian downloads what the consent service holds
about their child and themselves; the other parent's answer is theirs and stays out."""

from __future__ import annotations

from dataclasses import replace
from uuid import uuid4

import pytest
from samen_kit.access import GuardianItem

from services.consent.tests.consent_harness import ConsentService, Family, School
from services.consent.tests.test_parent_pages_http import _asked, _link, _say, _token_of

pytestmark = pytest.mark.integration

EXPORT = "/v1/guardian/export"


async def test_a_guardian_gets_the_request_and_their_own_answer_not_the_other_parents(
    consent: ConsentService, school: School
) -> None:
    family = Family.of()
    _, rid = await _asked(consent, school, family)
    mine, theirs = family.guardian_ids
    for guardian, answer in ((mine, "ja"), (theirs, "nee")):
        async with consent.guardian_client() as browser:
            consent.confirm(browser, school.tenant, guardian)  # typed their step-up code
            link = _link(consent, school, family, guardian, rid)
            assert (await _say(browser, rid, answer, _token_of(link))).status_code == 303
    token = consent.guardian_token(
        school.tenant, mine, family.pupil_id, GuardianItem.of("pupil", family.pupil_id)
    )
    async with consent.guardian_client() as browser:
        response = await browser.get(f"{EXPORT}/{family.pupil_id}", params={"token": token})

    assert response.status_code == 200, response.text
    held = response.json()["holdings"]
    assert [row["request_id"] for row in held["consent_request"]] == [str(rid)]
    assert {row["party_id"] for row in held["consent_evidence"]} == {str(mine)}
    assert {row["guardian_id"] for row in held["guardianship"]} == {str(mine)}


async def test_a_link_about_another_pupil_opens_no_export(
    consent: ConsentService, school: School
) -> None:
    family = Family.of()
    await _asked(consent, school, family)
    token = consent.guardian_token(
        school.tenant, family.guardian_ids[0], family.pupil_id, GuardianItem.of("pupil", "x")
    )
    async with consent.guardian_client() as browser:
        response = await browser.get(f"{EXPORT}/{uuid4()}", params={"token": token})

    assert response.status_code == 404


async def test_the_session_a_link_started_opens_a_brother_or_sisters_export_too(
    consent: ConsentService, school: School
) -> None:
    family = Family.of(standings=("parental_authority", "information_right"))
    sibling = replace(family, pupil_id=uuid4())
    _, rid = await _asked(consent, school, family)
    await _asked(consent, school, sibling)
    parent, informed = family.guardian_ids
    exports = {}
    for guardian in (parent, informed):
        async with consent.guardian_client() as browser:
            consent.confirm(browser, school.tenant, guardian)
            link = _link(consent, school, family, guardian, rid)
            signed_in = await _say(browser, rid, "ja", _token_of(link))  # starts the session
            exports[guardian] = await browser.get(f"{EXPORT}/{sibling.pupil_id}")
        if guardian == parent:
            assert signed_in.status_code == 303, signed_in.text

    assert exports[parent].status_code == 200, exports[parent].text
    held = exports[parent].json()
    assert held["pupil_id"] == str(sibling.pupil_id)
    assert {row["pupil_id"] for row in held["holdings"]["consent_request"]} == {
        str(sibling.pupil_id)
    }
    # The right to information reaches no further than the link's own child.
    assert exports[informed].status_code == 404
