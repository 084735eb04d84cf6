"""The parent pages over HTTP, with guardian link tokens minted by a key the test owns:
read, answer, say what you need, withdraw, keep a receipt."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events.consent import (
    ConsentAnswered,
    ConsentConflictDetected,
    ConsentGiven,
    ConsentRefused,
    ConsentWithdrawn,
    GuardianSupportNeedsStated,
)
from samen_kit.access import GuardianItem, Role
from samen_kit.access.testing import new_signing_key
from samen_kit.testing.refusals import refusals_counted

from services.consent.tests.consent_harness import ConsentService, Family, School

pytestmark = pytest.mark.integration


async def _asked(
    consent: ConsentService, school: School, family: Family | None = None
) -> tuple[Family, UUID]:
    """The family (two guardians with parental authority, unless given) imported and
    asked for consent: the family and the request's id."""
    family = family or Family.of()
    await consent.import_families(school, [family])
    return family, UUID((await consent.ask(school, family))["request_id"])


def _link(
    consent: ConsentService, school: School, family: Family, guardian: UUID, rid: UUID
) -> str:
    token = consent.guardian_token(
        school.tenant, guardian, family.pupil_id, GuardianItem.of("consent_request", rid)
    )
    return f"/ouders/toestemming/{rid}?token={token}"


async def _asked_with_a_link(
    consent: ConsentService, school: School
) -> tuple[Family, UUID, UUID, str]:
    """`_asked`, and the first guardian's link to the question: the family, the request's
    id, the guardian and the link."""
    family, rid = await _asked(consent, school)
    guardian = family.guardian_ids[0]
    return family, rid, guardian, _link(consent, school, family, guardian, rid)


def _token_of(link: str) -> str:
    return link.split("token=")[1]


async def _say(
    browser: httpx.AsyncClient, rid: UUID, answer: str, token: str | None = None
) -> httpx.Response:
    form = {"antwoord": answer, "taal": "tr", **({"token": token} if token else {})}
    return await browser.post(f"/ouders/toestemming/{rid}/antwoord", data=form)


async def test_opening_the_link_shows_the_question_in_dutch_and_the_parents_language(
    consent: ConsentService, school: School
) -> None:
    family, rid = await _asked(consent, school)
    async with consent.guardian_client() as browser:
        page = await browser.get(
            _link(consent, school, family, family.guardian_ids[0], rid) + "&taal=tr"
        )

    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    html = page.text
    assert "Hulp vragen aan het samenwerkingsverband" in html  # the binding Dutch text
    assert 'lang="tr"' in html and "Evet, izin veriyorum" in html  # Turkish beside it
    assert "Deze vertaling is nog niet gecontroleerd" in html
    assert 'name="antwoord" value="ja"' in html


async def test_opening_a_link_never_uses_it_up(consent: ConsentService, school: School) -> None:
    family, rid, _, link = await _asked_with_a_link(consent, school)
    async with consent.guardian_client() as scanner:
        for _ in range(3):
            assert (await scanner.get(link)).status_code == 200
    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, family.guardian_ids[0])
        answered = await _say(browser, rid, "ja", _token_of(link))
    assert answered.status_code == 303


async def test_both_guardians_agree_and_consent_is_given_with_evidence_of_each(
    consent: ConsentService, school: School
) -> None:
    family, rid = await _asked(consent, school)
    for guardian in family.guardian_ids:
        async with consent.guardian_client() as browser:
            consent.confirm(browser, school.tenant, guardian)
            link = _link(consent, school, family, guardian, rid)
            response = await _say(browser, rid, "ja", _token_of(link))
            assert response.status_code == 303
            assert "samen_guardian_session" in response.headers["set-cookie"]
            page = await browser.get(response.headers["location"])
            assert page.status_code == 200  # the session carries on without the token

    seen = await consent.events.wait_for_one(school.tenant, "ConsentGiven")
    answered = [s.event for s in seen if isinstance(s.event, ConsentAnswered)]
    assert {(a.party_id, a.answer.value, a.channel.value) for a in answered} == {
        (g, "agree", "guardian_page") for g in family.guardian_ids
    }
    given = next(s for s in seen if isinstance(s.event, ConsentGiven))
    assert given.envelope.actor == f"guardian:{family.guardian_ids[1]}"
    assert given.key == str(family.pupil_id).encode()
    assert given.envelope.correlationid == next(
        s.envelope.id for s in seen if s.name == "ConsentRequested"
    )
    evidence = await _evidence(consent, school, rid)
    assert {e["shown_language"] for e in evidence} == {"tr"}
    assert all(e["token_id"] and e["witness_id"] is None for e in evidence)


async def test_one_no_refuses_and_a_standing_yes_is_reported_as_a_conflict(
    consent: ConsentService, school: School
) -> None:
    family, rid = await _asked(consent, school)
    first, second = family.guardian_ids
    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, first)
        await _say(browser, rid, "ja", _token_of(_link(consent, school, family, first, rid)))
    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, second)
        await _say(browser, rid, "nee", _token_of(_link(consent, school, family, second, rid)))

    seen = await consent.events.wait_for_one(school.tenant, "ConsentConflictDetected")
    refused = next(s.event for s in seen if isinstance(s.event, ConsentRefused))
    assert refused.party_id == second
    conflict = next(s.event for s in seen if isinstance(s.event, ConsentConflictDetected))
    assert (conflict.agreed, conflict.disagreed) == ((first,), (second,))
    assert "ConsentGiven" not in {s.name for s in seen}


async def test_a_parent_withdraws_later_from_the_same_page_as_easily_as_they_gave_it(
    consent: ConsentService, school: School
) -> None:
    family, rid = await _asked(consent, school, Family.of(standings=("parental_authority",)))
    guardian = family.guardian_ids[0]
    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, guardian)
        await _say(browser, rid, "ja", _token_of(_link(consent, school, family, guardian, rid)))
    await consent.events.wait_for_one(school.tenant, "ConsentGiven")
    consent.advance(timedelta(days=20))  # the first link has expired meanwhile

    link = _link(consent, school, family, guardian, rid)  # the "consent given" message's link
    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, guardian)
        page = await browser.get(link)
        assert "Ik trek mijn toestemming in" in page.text
        form = {"token": _token_of(link), "taal": "nl"}
        response = await browser.post(f"/ouders/toestemming/{rid}/intrekken", data=form)
        assert response.status_code == 303
        after = await browser.get(response.headers["location"])
    assert "De toestemming is ingetrokken." in after.text

    seen = await consent.events.wait_for_one(school.tenant, "ConsentWithdrawn")
    withdrawn = next(s.event for s in seen if isinstance(s.event, ConsentWithdrawn))
    assert (withdrawn.party_id, withdrawn.was_given) == (guardian, True)
    status = await consent.http.get(
        f"/v1/pupils/{family.pupil_id}/consents/engage_swv",
        headers=consent.staff_token(school.tenant, Role.IB, schools=[school.school_id]),
    )
    assert status.json()["allowed"] is False and status.json()["reason"] == "withdrawn"


async def test_a_parent_says_what_support_they_need_and_the_note_stays_off_the_bus(
    consent: ConsentService, school: School
) -> None:
    family, rid, guardian, link = await _asked_with_a_link(consent, school)
    async with consent.guardian_client() as browser:
        form = {
            "token": _token_of(link),
            "nodig": ["interpreter", "other"],
            "toelichting": "Graag een tolk Tigrinya",
            "taal": "nl",
        }
        response = await browser.post(f"/ouders/toestemming/{rid}/ondersteuning", data=form)
        assert response.status_code == 303
        page = await browser.get(response.headers["location"])
    assert 'value="interpreter" checked' in page.text

    seen = await consent.events.wait_for_one(school.tenant, "GuardianSupportNeedsStated")
    stated = next(s for s in seen if isinstance(s.event, GuardianSupportNeedsStated))
    assert stated.event == GuardianSupportNeedsStated(
        pupil_id=family.pupil_id,
        guardian_id=guardian,
        request_id=rid,
        needs=("interpreter", "other"),
        has_note=True,
    )
    headers = consent.staff_token(school.tenant, Role.IB, schools=[school.school_id])
    listed = await consent.http.get(
        f"/v1/schools/{school.school_id}/support-needs", headers=headers
    )
    assert listed.json()[0]["note"] == "Graag een tolk Tigrinya"


async def test_a_receipt_proves_who_said_what_when_and_which_words_they_read(
    consent: ConsentService, school: School
) -> None:
    family, rid = await _asked(consent, school, Family.of(standings=("parental_authority",)))
    guardian = family.guardian_ids[0]
    link = _link(consent, school, family, guardian, rid)
    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, guardian)
        await _say(browser, rid, "ja", _token_of(link))
        own = await browser.get(f"/ouders/toestemming/{rid}/bewijs.json")
        readable = await browser.get(f"/ouders/toestemming/{rid}/bewijs?taal=tr")

    [receipt] = own.json()
    assert receipt["act"] == "agree" and receipt["party"]["id"] == str(guardian)
    assert receipt["shown"] == {
        "language": "tr",
        "sha256": receipt["shown"]["sha256"],
        "reviewed": False,
    }
    assert receipt["texts"]["binding"]["language"] == "nl"
    assert receipt["request"]["pupil_id"] == str(family.pupil_id)
    assert readable.status_code == 200 and receipt["digest"] in readable.text
    [evidence] = await _evidence(consent, school, rid)
    headers = consent.staff_token(school.tenant, Role.DIRECTOR, schools=[school.school_id])
    staff_copy = await consent.http.get(
        f"/v1/evidence/{evidence['evidence_id']}/receipt", headers=headers
    )
    assert staff_copy.json() == receipt
    page = await consent.http.get(
        f"/v1/evidence/{evidence['evidence_id']}/receipt.html", headers=headers
    )
    assert page.status_code == 200 and receipt["digest"] in page.text
    assert "Bewijs van toestemming" in page.text and "Ja gezegd" in page.text


async def test_a_parent_with_only_the_right_to_information_is_never_asked(
    consent: ConsentService, school: School
) -> None:
    family, rid = await _asked(
        consent, school, Family.of(standings=("parental_authority", "information_right"))
    )
    informed = family.guardian_ids[1]
    link = _link(consent, school, family, informed, rid)
    async with consent.guardian_client() as browser:
        page = await browser.get(link)
        assert "U hoeft hier niets te doen" in page.text
        assert 'name="antwoord"' not in page.text
        refused = await _say(browser, rid, "ja", _token_of(link))

    assert refused.status_code == 403
    seen = await consent.events.wait_for_one(school.tenant, "ConsentActionRefused")
    asked = next(s.event for s in seen if s.name == "ConsentRequested")
    assert asked is not None
    assert [p["party_id"] for p in asked.model_dump()["parties"]] == [family.guardian_ids[0]]
    action = next(s.event for s in seen if s.name == "ConsentActionRefused")
    assert action is not None and action.model_dump()["reason"] == "no_authority"
    assert "ConsentAnswered" not in {s.name for s in seen}


async def test_a_used_link_cannot_start_a_second_session(
    consent: ConsentService, school: School
) -> None:
    _, rid, _, link = await _asked_with_a_link(consent, school)
    async with consent.guardian_client() as browser:
        await browser.post(
            f"/ouders/toestemming/{rid}/ondersteuning",
            data={"token": _token_of(link), "nodig": "nothing_now"},
        )
    async with consent.guardian_client() as someone_else:
        reused = await _say(someone_else, rid, "ja", _token_of(link))

    assert reused.status_code == 403
    assert "Deze link werkt niet (meer)" in reused.text


@pytest.mark.parametrize("fault", ["expired", "forged", "stranger"])
async def test_a_bad_link_gets_a_plain_page_and_changes_nothing(
    consent: ConsentService, school: School, fault: str
) -> None:
    family, rid = await _asked(consent, school)
    guardian = family.guardian_ids[0]
    item = GuardianItem.of("consent_request", rid)
    tokens: dict[str, Any] = {
        "expired": lambda: consent.guardian_token(
            school.tenant,
            guardian,
            family.pupil_id,
            item,
            now=consent.clock.now() - timedelta(days=15),
        ),
        "forged": lambda: consent.guardian_token(
            school.tenant, guardian, family.pupil_id, item, key=new_signing_key()
        ),
        # Someone else's link to another question about the same pupil: no authority.
        "stranger": lambda: consent.guardian_token(
            school.tenant, uuid4(), family.pupil_id, GuardianItem.of("consent_request", uuid4())
        ),
    }
    async with consent.guardian_client() as browser:
        response = await _say(browser, rid, "ja", tokens[fault]())

    assert response.status_code == {"expired": 401, "forged": 401, "stranger": 404}[fault]
    assert response.headers["content-type"].startswith("text/html")
    seen = await consent.events.settle(school.tenant, quiet=0.5)
    assert "ConsentAnswered" not in {s.name for s in seen}


async def test_a_parent_signed_in_by_another_link_about_their_child_may_answer_this_question(
    consent: ConsentService, school: School
) -> None:
    family, rid = await _asked(consent, school)
    other_item = GuardianItem.of("meeting_record", uuid4())  # a link from another service
    token = consent.guardian_token(
        school.tenant, family.guardian_ids[0], family.pupil_id, other_item
    )
    async with consent.guardian_client() as browser:
        said = await _say(browser, rid, "ja", token)  # the session starts here (ADR 0017)
        page = await browser.get(f"/ouders/toestemming/{rid}")

    assert said.status_code == 303  # on to the code page: the session reaches the question
    assert "/ouders/bevestigen?" in said.headers["location"]
    assert page.status_code == 200 and 'value="ja"' in page.text


async def _evidence(consent: ConsentService, school: School, rid: UUID) -> list[dict[str, Any]]:
    headers = consent.staff_token(school.tenant, Role.DIRECTOR, schools=[school.school_id])
    response = await consent.http.get(f"/v1/requests/{rid}/evidence", headers=headers)
    assert response.status_code == 200
    found: list[dict[str, Any]] = response.json()
    return found


async def test_a_link_naming_another_familys_pupil_is_refused_for_reading_as_for_answering(
    consent: ConsentService, school: School
) -> None:
    ours, theirs = Family.of(), Family.of()
    await consent.import_families(school, [ours, theirs])
    rid = UUID((await consent.ask(school, theirs))["request_id"])
    # A token for our guardian that names their pupil and their request.
    link = _link(consent, school, theirs, ours.guardian_ids[0], rid)

    async with consent.guardian_client() as browser:
        page = await browser.get(link)
        receipts = await browser.get(f"/ouders/toestemming/{rid}/bewijs?token={_token_of(link)}")
        answer = await _say(browser, rid, "ja", _token_of(link))

    assert (page.status_code, receipts.status_code, answer.status_code) == (403, 403, 403)
    assert "Hulp vragen aan het samenwerkingsverband" not in page.text  # nothing of the question
    counted = await refusals_counted(consent.ctx.sessions, school.tenant)
    route = "/ouders/toestemming/{request_id}"
    assert counted[("forbidden_role", "guardian_token", "GET", route)] == 1
    assert counted[("forbidden_role", "guardian_token", "POST", route + "/antwoord")] == 1


async def test_a_guardian_who_has_not_confirmed_with_a_code_is_sent_to_the_code_page_first(
    consent: ConsentService, school: School
) -> None:
    _, rid, guardian, link = await _asked_with_a_link(consent, school)
    async with consent.guardian_client() as browser:
        asked = await _say(browser, rid, "ja", _token_of(link))
        as_api = await browser.post(
            f"/ouders/toestemming/{rid}/intrekken", headers={"Accept": "application/json"}
        )
        consent.confirm(browser, school.tenant, guardian)
        answered = await _say(browser, rid, "ja")

    code_page = urlsplit(asked.headers["location"])
    assert asked.status_code == 303
    assert code_page.path == "/ouders/bevestigen"
    back = f"{consent.settings.public_base_url}/ouders/toestemming/{rid}?taal=tr"
    assert parse_qs(code_page.query)["terug"] == [back]
    assert as_api.status_code == 401
    assert as_api.json()["type"] == "urn:samen:problem:step-up-required"
    assert answered.status_code == 303 and answered.headers["location"].startswith(
        f"/ouders/toestemming/{rid}"
    )
    seen = await consent.events.wait_for_one(school.tenant, "ConsentAnswered")
    assert [s.event.party_id for s in seen if isinstance(s.event, ConsentAnswered)] == [guardian]
