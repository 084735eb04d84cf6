"""Consent to one version of an OPP's action part, end to end within this service: the
plans service's offer on the bus opens the request, the parent's page shows the very
words (fetched with the parent's own link token), and the answer records which version,
which hash and which language — on the bus and in the receipt."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

import pytest
from samen_contract.events.consent import ConsentAnswered, ConsentRequestCancelled, ConsentRequested
from samen_kit.access import GuardianItem, Role
from samen_kit.access.step_up_proof import PROOF_COOKIE

from services.consent.tests.consent_harness import (
    ConsentService,
    Family,
    School,
    action_part_sha,
    action_part_words,
    offer_action_part,
)

pytestmark = pytest.mark.integration


async def _family(consent: ConsentService, school: School) -> Family:
    family = await consent.imported_family(school)
    return family


def _page(
    consent: ConsentService, school: School, family: Family, guardian: UUID, rid: UUID
) -> tuple[str, str]:
    token = consent.guardian_token(
        school.tenant, guardian, family.pupil_id, GuardianItem.of("consent_request", rid)
    )
    return f"/ouders/toestemming/{rid}?token={token}&taal=en", token


@dataclass(frozen=True)
class Offered:
    """An action part's first version offered to a family; one guardian's link to it."""

    family: Family
    opp_id: UUID
    rid: UUID
    guardian: UUID
    link: str
    token: str


async def _offered(
    consent: ConsentService, school: School, guardian: int = 0, *, sha256: str | None = None
) -> Offered:
    """The owner serves the version's words (with another hash, if `sha256`); the plans
    service offers it to a new family; the link of the family's guardian `guardian`."""
    family, opp_id = await _family(consent, school), uuid4()
    words = action_part_words(opp_id, 1)
    consent.owner.put(opp_id, 1, {**words, "sha256": sha256} if sha256 else words)
    rid = await offer_action_part(consent, school, family, opp_id, 1)
    who = family.guardian_ids[guardian]
    link, token = _page(consent, school, family, who, rid)
    return Offered(family, opp_id, rid, who, link, token)


async def test_an_offered_action_part_asks_every_guardian_with_authority_about_that_version(
    consent: ConsentService, school: School
) -> None:
    family = await _family(consent, school)
    opp_id = uuid4()

    rid = await offer_action_part(consent, school, family, opp_id, 1)

    requested = next(
        s.event
        for s in consent.events.of(school.tenant)
        if isinstance(s.event, ConsentRequested) and s.event.request_id == rid
    )
    assert requested.purpose == "opp_action_part"
    assert requested.subject is not None
    assert (requested.subject.subject_id, requested.subject.version) == (opp_id, 1)
    assert requested.subject.sha256 == action_part_sha(1, opp_id)
    assert {p.party_id for p in requested.parties} == set(family.guardian_ids)
    assert requested.answer_by is None  # holds until answered, withdrawn or replaced


async def test_staff_cannot_ask_about_an_action_part_without_naming_its_version(
    consent: ConsentService, school: School
) -> None:
    family = await _family(consent, school)
    headers = consent.staff_token(school.tenant, Role.IB, schools=[school.school_id])
    body = {"pupil_id": str(family.pupil_id), "purpose": "opp_action_part"}

    response = await consent.http.post("/v1/requests", json=body, headers=headers)

    assert response.status_code == 422
    assert response.json()["type"].endswith("subject-required")


async def test_the_page_shows_the_words_and_the_answer_names_version_hash_and_language(
    consent: ConsentService, school: School
) -> None:
    offered = await _offered(consent, school)

    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, offered.guardian)
        page = await browser.get(offered.link)
        assert page.status_code == 200
        assert "Lezen op niveau E4 (versie 1)" in page.text
        assert 'name="document_taal" value="en"' in page.text
        assert offered.token in consent.owner.tokens_seen  # the parent's own, nobody else's
        form = {"antwoord": "ja", "taal": "en", "document_taal": "en", "token": offered.token}
        answered = await browser.post(f"/ouders/toestemming/{offered.rid}/antwoord", data=form)
        assert answered.status_code == 303
        receipts = (await browser.get(f"/ouders/toestemming/{offered.rid}/bewijs.json")).json()

    seen = await consent.events.wait(
        school.tenant, lambda s: any(isinstance(x.event, ConsentAnswered) for x in s)
    )
    said = next(s.event for s in seen if isinstance(s.event, ConsentAnswered))
    assert said.subject is not None and said.subject.sha256 == action_part_sha(1, offered.opp_id)
    assert receipts[0]["document"] == {
        "kind": "opp_action_part",
        "id": str(offered.opp_id),
        "version": 1,
        "sha256": action_part_sha(1, offered.opp_id),
        "language": "en",
    }


async def test_a_parent_reads_the_words_of_an_action_part_only_after_the_step_up_code(
    consent: ConsentService, school: School
) -> None:
    offered = await _offered(consent, school)

    async with consent.guardian_client() as browser:
        unconfirmed = await browser.get(offered.link)
        asked_before = list(consent.owner.tokens_seen)
        consent.confirm(browser, school.tenant, offered.guardian)
        confirmed = await browser.get(offered.link)

    assert (
        unconfirmed.status_code == 303 and "/ouders/bevestigen?" in unconfirmed.headers["location"]
    )
    assert "Lezen op niveau" not in unconfirmed.text and offered.token not in asked_before
    assert confirmed.status_code == 200 and "Lezen op niveau E4 (versie 1)" in confirmed.text
    # The page sent the parent's own proof along: the owner asks it too.
    assert browser.cookies.get(PROOF_COOKIE) in consent.owner.proofs_seen


async def test_without_the_words_on_the_page_there_is_no_answer(
    consent: ConsentService, school: School
) -> None:
    offered = await _offered(consent, school, sha256="0" * 64)  # the owner serves other words
    rid, link, token = offered.rid, offered.link, offered.token

    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, offered.guardian)
        page = await browser.get(link)
        assert "Lezen op niveau" not in page.text
        assert 'value="ja"' not in page.text  # no answer buttons
        form = {"antwoord": "ja", "taal": "en", "document_taal": "en", "token": token}
        answered = await browser.post(f"/ouders/toestemming/{rid}/antwoord", data=form)

    assert answered.status_code == 409
    seen = await consent.events.settle(school.tenant, quiet=1.0)
    assert not any(isinstance(s.event, ConsentAnswered) for s in seen)


async def test_a_new_version_replaces_the_open_question_about_the_old_one(
    consent: ConsentService, school: School
) -> None:
    family = await _family(consent, school)
    opp_id = uuid4()

    first = await offer_action_part(consent, school, family, opp_id, 1)
    second = await offer_action_part(consent, school, family, opp_id, 2)

    seen = await consent.events.wait(
        school.tenant, lambda s: any(isinstance(x.event, ConsentRequestCancelled) for x in s)
    )
    cancelled = [s.event for s in seen if isinstance(s.event, ConsentRequestCancelled)]
    assert [c.request_id for c in cancelled] == [first]
    assert second != first


async def test_a_parent_who_says_no_may_say_why_and_the_school_reads_it(
    consent: ConsentService, school: School
) -> None:
    offered = await _offered(consent, school, guardian=1)
    rid, guardian, link, token = offered.rid, offered.guardian, offered.link, offered.token
    why = "Er staat te weinig hulp bij het lezen in.\nWij willen eerst praten."

    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, guardian)
        page = await browser.get(link)
        assert 'name="reden"' in page.text
        form = {"antwoord": "nee", "reden": why, "taal": "en", "document_taal": "en"}
        refused = await browser.post(
            f"/ouders/toestemming/{rid}/antwoord", data={**form, "token": token}
        )
        assert refused.status_code == 303

    headers = consent.staff_token(school.tenant, Role.IB, schools=[school.school_id])
    read = (await consent.http.get(f"/v1/requests/{rid}", headers=headers)).json()
    said = next(p for p in read["parties"] if p["party_id"] == str(guardian))
    assert (read["state"], said["answer"], said["reason"]) == ("refused", "refuse", why)
    seen = await consent.events.wait(
        school.tenant, lambda s: any(isinstance(x.event, ConsentAnswered) for x in s)
    )
    assert all(why not in str(s.data) for s in seen)  # the words stay in this service
