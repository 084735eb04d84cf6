"""The parents' side: the action part as a document for the consent page, the OPP page
and the groeidocument page in the six languages, reached only through the guardian's own
link, and the parents' own view added to the groeidocument."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events.consent import GuardianStanding
from samen_kit.access import GuardianItem
from samen_kit.pages import LANGUAGES, Catalogue
from samen_kit.testing.waiting import wait_for

from services.plans.tests.plans_harness import Pupil, Roster, Running, Tap
from services.plans.tests.plans_requests import GOALS, enrolled, ib, offered, started, written
from tests.parent_pages.checks import problems, read

pytestmark = pytest.mark.integration

KEYS = Catalogue.of("samen_plans.entrypoints.phrases").keys
PARENTS_VIEW = "Thuis leest Sem graag strips. Hij schaamt zich als hij hardop moet lezen."


def link(plans: Running, pupil: Pupil, kind: str, item: object, guardian: int = 0) -> str:
    return plans.guardian_token(
        pupil.tenant, pupil.guardians[guardian], pupil.pupil_id, GuardianItem.of(kind, item)
    )


async def offered_version(
    client: httpx.AsyncClient, plans: Running, roster: Roster, **enrol: Any
) -> tuple[Pupil, str, str]:
    """A pupil enrolled (`enrol` as for `enrolled`) whose OPP's second version is offered,
    the first never was: (pupil, OPP id, the offered action part's hash)."""
    pupil = await enrolled(plans, roster, **enrol)
    opp_id = await started(client, plans, pupil)
    await written(client, plans, pupil, opp_id, location="Eerst een versie die niet bleef")
    sha = (await written(client, plans, pupil, opp_id))["action_part_sha256"]
    assert (await offered(client, plans, pupil, opp_id, 2)).status_code == 202
    return pupil, opp_id, sha


async def test_the_action_part_document_has_headings_in_the_parents_language_and_dutch_words(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil, opp_id, sha = await offered_version(client, plans, consent_roster)
    path = f"/ouders/documenten/opp_action_part/{opp_id}/2"
    token = link(plans, pupil, "opp", opp_id)
    client.cookies.update(plans.step_up(pupil.tenant, pupil.guardians[0]))

    by_header = await client.get(
        path, params={"taal": "pl"}, headers={"Authorization": f"Bearer {token}"}
    )
    by_query = await client.get(path, params={"taal": "ar", "token": token})

    assert by_header.status_code == 200, by_header.text
    document = by_header.json()
    assert (document["kind"], document["subject_id"], document["version"]) == (
        "opp_action_part", opp_id, 2
    )  # fmt: skip
    assert (document["sha256"], document["language"], document["binding_language"]) == (
        sha, "pl", "nl"
    )  # fmt: skip
    assert document["binding_note"].startswith("Teksty szkoły")
    assert document["sections"][0] == {"label": "Cel 1", "text": GOALS[0]}
    assert document["sections"][1] == {"label": "Cel 2", "text": GOALS[1]}
    assert by_query.json()["sections"][0]["label"] == "الهدف 1"
    assert by_query.json()["sections"][0]["text"] == GOALS[0]
    assert (await client.get(path)).status_code == 401


async def test_a_consent_request_link_reaches_only_the_version_its_request_is_about(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil, opp_id, sha = await offered_version(client, plans, consent_roster)
    request_id = await consent_roster.requested(pupil, UUID(opp_id), 2, sha)
    token = link(plans, pupil, "consent_request", request_id)
    base = f"/ouders/documenten/opp_action_part/{opp_id}"
    client.cookies.update(plans.step_up(pupil.tenant, pupil.guardians[0]))

    async def linked() -> bool:
        return (await client.get(f"{base}/2", params={"token": token})).status_code == 200

    await wait_for(linked)
    assert (await client.get(f"{base}/1", params={"token": token})).status_code == 404
    other = link(plans, pupil, "consent_request", uuid4())
    assert (await client.get(f"{base}/2", params={"token": other})).status_code == 404


async def test_the_action_part_document_asks_for_the_guardians_step_up_proof_first(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil, opp_id, _ = await offered_version(client, plans, consent_roster)
    path = f"/ouders/documenten/opp_action_part/{opp_id}/2"
    asked = {"Authorization": f"Bearer {link(plans, pupil, 'opp', opp_id)}"}
    as_json = {**asked, "Accept": "application/json"}

    def proof_of(guardian: UUID) -> dict[str, str]:
        (name, value), *_ = plans.step_up(pupil.tenant, guardian).items()
        return {**as_json, "Cookie": f"{name}={value}"}

    unconfirmed = await client.get(path, headers=as_json)
    other_guardian = await client.get(path, headers=proof_of(uuid4()))
    confirmed = await client.get(path, headers=proof_of(pupil.guardians[0]))

    assert unconfirmed.status_code == 401
    assert unconfirmed.json()["type"] == "urn:samen:problem:step-up-required"
    assert GOALS[0] not in unconfirmed.text
    assert other_guardian.status_code == 401  # a proof is the guardian's own
    assert confirmed.status_code == 200 and confirmed.json()["sections"][0]["text"] == GOALS[0]


async def test_only_a_guardian_with_parental_authority_and_the_right_link_sees_the_opp(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    informed, opp_id, _ = await offered_version(
        client, plans, consent_roster, standing=GuardianStanding.INFORMATION_RIGHT
    )
    page = await client.get(
        f"/ouders/opp/{opp_id}", params={"token": link(plans, informed, "opp", opp_id)}
    )
    assert page.status_code == 403
    pupil, other_opp, _ = await offered_version(client, plans, consent_roster)
    wrong_item = link(plans, pupil, "groeidocument", pupil.pupil_id)
    assert (
        await client.get(f"/ouders/opp/{other_opp}", params={"token": wrong_item})
    ).status_code == 404
    foreign = link(plans, pupil, "opp", opp_id)  # another pupil's OPP id in the link
    assert (await client.get(f"/ouders/opp/{opp_id}", params={"token": foreign})).status_code == 404


async def test_the_opp_page_asks_for_a_code_then_reads_in_six_languages_with_the_binding_words(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil, opp_id, _ = await offered_version(client, plans, consent_roster)
    token = link(plans, pupil, "opp", opp_id)
    unconfirmed = await client.get(f"/ouders/opp/{opp_id}", params={"token": token})
    assert unconfirmed.status_code == 303 and GOALS[0] not in unconfirmed.text
    assert unconfirmed.headers["location"].startswith("http://127.0.0.1:8102/ouders/bevestigen?")
    client.cookies.update(plans.step_up(pupil.tenant, pupil.guardians[0]))
    for language in LANGUAGES:
        page = await client.get(f"/ouders/opp/{opp_id}", params={"token": token, "taal": language})
        assert page.status_code == 200, page.text
        assert problems(page.text, language, KEYS) == [], language
        assert GOALS[0] in page.text  # the school's words, as written
        assert 'lang="nl"' in page.text
    dutch = " ".join(read(page.text).text)
    assert "Versie 1" in dutch  # the earlier version is listed


async def test_parents_read_the_groeidocument_and_add_their_own_view(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    staff = ib(plans, pupil)
    entries = f"/pupils/{pupil.pupil_id}/groeidocument"
    observed = {"kind": "observation", "text": "Sem werkt beter met een koptelefoon op."}
    tested = {"kind": "test_taken", "text": "Afgenomen door de orthopedagoog.",
              "test_name": "AVI-toets", "taken_on": "2025-12-15"}  # fmt: skip
    assert (await client.post(entries, json=observed, headers=staff)).status_code == 201
    assert (await client.post(entries, json=tested, headers=staff)).status_code == 201
    untested = {"kind": "test_taken", "text": "Zonder naam"}
    assert (await client.post(entries, json=untested, headers=staff)).status_code == 422

    token = link(plans, pupil, "groeidocument", pupil.pupil_id)
    page_path = f"/ouders/groeidocument/{pupil.pupil_id}"
    for language in LANGUAGES:
        page = await client.get(page_path, params={"token": token, "taal": language})
        assert page.status_code == 200, page.text
        assert problems(page.text, language, KEYS) == [], language
        assert "Sem werkt beter met een koptelefoon op." in page.text
        assert "AVI-toets" in page.text

    async with httpx.AsyncClient(base_url=plans.base_url) as browser:
        sent = await browser.post(
            page_path, data={"token": token, "text": PARENTS_VIEW, "taal": "tr"}
        )
        assert sent.status_code == 303, sent.text
        assert sent.headers["location"].endswith("taal=tr")
    listed = (await client.get(entries, headers=staff)).json()["items"]
    assert [(e["kind"], e["by"]) for e in listed] == [
        ("observation", "staff"), ("test_taken", "staff"), ("parents_view", "guardian")
    ]  # fmt: skip
    assert listed[-1]["text"] == PARENTS_VIEW
    seen = await plans_tap.wait(
        pupil.tenant, lambda s: sum(e.name == "GroeidocumentEntryAdded" for e in s) == 3
    )
    assert all("text" not in e.data for e in seen)
    assert [e.data["by"] for e in seen if e.name == "GroeidocumentEntryAdded"][-1] == "guardian"
