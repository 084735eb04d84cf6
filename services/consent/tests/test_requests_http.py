"""Staff ask consent over HTTP: who is asked, what is refused (and recorded), the pupil's
own answer with the IB as witness, cancelling, and texts that change between requests."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events.consent import CancelReason, ConsentRequestCancelled, ConsentRequested
from samen_kit.access import GuardianItem, Role

from services.consent.tests.consent_harness import ConsentService, Family, School

pytestmark = pytest.mark.integration


def _ib(consent: ConsentService, school: School) -> dict[str, str]:
    return consent.staff_token(school.tenant, Role.IB, schools=[school.school_id])


async def _guardian_says(
    consent: ConsentService, school: School, family: Family, guardian: UUID, rid: str, answer: str
) -> httpx.Response:
    return await consent.answer(school.tenant, guardian, family.pupil_id, rid, answer)


async def test_a_request_asks_every_guardian_with_authority(
    consent: ConsentService, school: School
) -> None:
    family = Family.of(standings=("parental_authority", "parental_authority", "information_right"))
    await consent.import_families(school, [family])

    request = await consent.ask(school, family, "mdo_request")

    asked, informed = set(family.guardian_ids[:2]), family.guardian_ids[2]
    assert {UUID(p["party_id"]) for p in request["parties"]} == asked
    assert request["not_asked"] == [str(informed)]
    seen = await consent.events.wait_for_one(school.tenant, "ConsentRequested")
    event = next(s.event for s in seen if isinstance(s.event, ConsentRequested))
    assert {p.party_id for p in event.parties} == asked
    assert (event.purpose, event.purpose_version, event.school_id) == (
        "mdo_request",
        1,
        school.school_id,
    )
    today = consent.clock.now().date()
    year_end = date(today.year if today.month < 8 else today.year + 1, 7, 31)
    assert event.answer_by == year_end  # the question lapses with the school year
    assert event.rule is not None and event.rule.value == "all_with_authority"


async def test_a_second_request_while_one_is_open_is_refused_recorded_and_changes_nothing(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    first = await consent.ask(school, family)
    body = {"pupil_id": str(family.pupil_id), "purpose": "engage_swv"}

    again = await consent.http.post("/v1/requests", json=body, headers=_ib(consent, school))

    assert again.status_code == 409
    problem = again.json()
    assert problem["type"] == "urn:samen:problem:request-already-open"
    assert problem["open_request_id"] == first["request_id"]
    assert again.headers["content-type"] == "application/problem+json"
    listed = await consent.http.get(
        f"/v1/pupils/{family.pupil_id}/requests", headers=_ib(consent, school)
    )
    assert [r["request_id"] for r in listed.json()] == [first["request_id"]]
    seen = await consent.events.wait_for_one(school.tenant, "ConsentActionRefused")
    refused = next(s for s in seen if s.name == "ConsentActionRefused")
    assert refused.event is not None
    assert refused.event.model_dump(include={"action", "reason", "pupil_id"}) == {
        "action": "request",
        "reason": "request_already_open",
        "pupil_id": family.pupil_id,
    }
    assert refused.key == str(family.pupil_id).encode()


@pytest.mark.parametrize(
    ("body_of", "status", "problem"),
    [
        (
            lambda f: {"pupil_id": str(f.pupil_id), "purpose": "no_such_purpose"},
            404,
            "unknown-purpose",
        ),
        (lambda f: {"pupil_id": str(uuid4()), "purpose": "engage_swv"}, 404, "not-found"),
        (lambda f: {"pupil_id": str(f.pupil_id), "purpose": "Not A Code"}, 422, "invalid"),
    ],
)
async def test_bad_requests_get_a_problem_and_change_nothing(
    consent: ConsentService, school: School, body_of: Any, status: int, problem: str
) -> None:
    family = await consent.imported_family(school)
    await consent.events.wait(school.tenant, lambda s: len(s) == 3)

    response = await consent.http.post(
        "/v1/requests", json=body_of(family), headers=_ib(consent, school)
    )

    assert response.status_code == status
    assert response.json()["type"] == f"urn:samen:problem:{problem}"
    seen = await consent.events.settle(school.tenant, quiet=0.5)
    assert "ConsentRequested" not in {s.name for s in seen}


async def test_a_pupil_of_a_school_the_staff_member_does_not_cover_is_not_found(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    elsewhere = consent.staff_token(school.tenant, Role.IB, schools=[uuid4()])
    body = {"pupil_id": str(family.pupil_id), "purpose": "engage_swv"}

    response = await consent.http.post("/v1/requests", json=body, headers=elsewhere)

    assert response.status_code == 404


async def test_a_pupil_of_13_consents_beside_the_guardians_through_the_ib_as_witness(
    consent: ConsentService, school: School
) -> None:
    family = Family.of(birth_date=date(2012, 9, 1), standings=("parental_authority",))
    await consent.import_families(school, [family])
    request = await consent.ask(school, family, "assessment")
    rid = request["request_id"]
    assert {p["role"] for p in request["parties"]} == {"guardian", "pupil"}
    await _guardian_says(consent, school, family, family.guardian_ids[0], rid, "ja")
    ib_subject = uuid4()
    ib = consent.staff_token(school.tenant, Role.IB, schools=[school.school_id], subject=ib_subject)

    recorded = await consent.http.post(
        f"/v1/requests/{rid}/pupil-answers", json={"act": "agree"}, headers=ib
    )

    assert recorded.status_code == 200, recorded.text
    assert recorded.json()["state"] == "given"
    seen = await consent.events.wait_for_one(school.tenant, "ConsentGiven")
    pupil_answer = next(
        s for s in seen if s.name == "ConsentAnswered" and s.envelope.actor.startswith("pupil:")
    )
    assert pupil_answer.event is not None
    assert pupil_answer.event.model_dump()["channel"] == "recorded_by_staff"
    evidence = await consent.http.get(
        f"/v1/requests/{rid}/evidence",
        headers=consent.staff_token(school.tenant, Role.IB, schools=[school.school_id]),
    )
    by_pupil = next(e for e in evidence.json() if e["role"] == "pupil")
    assert UUID(by_pupil["witness_id"]) == ib_subject and by_pupil["token_id"] is None


async def test_a_teacher_may_not_record_a_pupils_answer(
    consent: ConsentService, school: School
) -> None:
    family = Family.of(birth_date=date(2012, 9, 1))
    await consent.import_families(school, [family])
    rid = (await consent.ask(school, family, "assessment"))["request_id"]
    teacher = consent.staff_token(school.tenant, Role.TEACHER, schools=[school.school_id])

    response = await consent.http.post(
        f"/v1/requests/{rid}/pupil-answers", json={"act": "agree"}, headers=teacher
    )

    assert response.status_code == 403


async def test_a_pupil_of_16_decides_alone_and_the_guardians_are_not_asked(
    consent: ConsentService, school: School
) -> None:
    family = Family.of(birth_date=date(2009, 6, 1))
    await consent.import_families(school, [family])

    request = await consent.ask(school, family, "assessment")

    assert [p["role"] for p in request["parties"]] == ["pupil"]
    assert set(request["not_asked"]) == {str(g) for g in family.guardian_ids}
    refused = await _guardian_says(
        consent, school, family, family.guardian_ids[0], request["request_id"], "ja"
    )
    assert refused.status_code == 403


async def test_staff_cancel_an_open_request_and_no_one_can_answer_it_after(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    rid = (await consent.ask(school, family))["request_id"]

    cancelled = await consent.http.post(f"/v1/requests/{rid}/cancel", headers=_ib(consent, school))

    assert cancelled.json()["state"] == "cancelled"
    late = await _guardian_says(consent, school, family, family.guardian_ids[0], rid, "ja")
    assert late.status_code == 409
    seen = await consent.events.wait_for_one(school.tenant, "ConsentRequestCancelled")
    event = next(s.event for s in seen if isinstance(s.event, ConsentRequestCancelled))
    assert event.reason is CancelReason.STAFF


async def test_an_answer_after_a_withdrawal_is_refused(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    rid = (await consent.ask(school, family))["request_id"]
    first, second = family.guardian_ids
    token = consent.guardian_token(
        school.tenant, first, family.pupil_id, GuardianItem.of("consent_request", rid)
    )
    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, first)
        await browser.post(
            f"/ouders/toestemming/{rid}/antwoord", data={"token": token, "antwoord": "ja"}
        )
        await browser.post(f"/ouders/toestemming/{rid}/intrekken", data={})

    late = await _guardian_says(consent, school, family, second, rid, "ja")

    assert late.status_code == 409
    assert "Dit kan nu niet (meer)" in late.text


async def test_a_revised_text_is_a_new_version_and_answers_point_at_the_version_they_read(
    consent: ConsentService, school: School
) -> None:
    old_family, new_family = Family.of(), Family.of()
    await consent.import_families(school, [old_family, new_family])
    old = await consent.ask(school, old_family, "share_file")
    admin = consent.staff_token(school.tenant, Role.SWV_ADMIN)
    texts = [{"language": "nl", "title": "Het groeidocument delen", "body": "Nieuwe uitleg."}]

    revised = await consent.http.post(
        "/v1/purposes/share_file/revisions", json={"texts": texts}, headers=admin
    )

    assert revised.status_code == 200, revised.text
    assert revised.json()["version"] == 2
    assert [t["language"] for t in revised.json()["texts"]] == ["nl"]  # stale translations go
    new = await consent.ask(school, new_family, "share_file")
    assert (old["purpose_version"], new["purpose_version"]) == (1, 2)
    versions = await consent.http.get("/v1/purposes/share_file/versions", headers=admin)
    assert [v["version"] for v in versions.json()] == [1, 2]
    same = await consent.http.post(
        "/v1/purposes/share_file/revisions", json={"texts": texts}, headers=admin
    )
    assert same.json()["version"] == 2  # the same words change nothing


async def test_only_the_samenwerkingsverband_revises_the_catalogue(
    consent: ConsentService, school: School
) -> None:
    texts = [{"language": "nl", "title": "Titel", "body": "Tekst."}]
    response = await consent.http.post(
        "/v1/purposes/share_file/revisions", json={"texts": texts}, headers=_ib(consent, school)
    )
    assert response.status_code == 403


async def test_a_tenant_adds_a_purpose_of_its_own_and_reviews_its_translation(
    consent: ConsentService, school: School
) -> None:
    admin = consent.staff_token(school.tenant, Role.SWV_ADMIN)
    body = {
        "code": "photo_use",
        "texts": [
            {"language": "nl", "title": "Foto's", "body": "Wij willen foto's gebruiken."},
            {"language": "en", "title": "Photos", "body": "We want to use photos."},
        ],
        "rule": "one_suffices",
        "validity": {"kind": "for_months", "months": 12},
    }

    added = await consent.http.post("/v1/purposes", json=body, headers=admin)
    reviewed = await consent.http.post(
        "/v1/purposes/photo_use/versions/1/reviews/en", headers=admin
    )

    assert added.status_code == 201, added.text
    texts = {t["language"]: t["reviewed"] for t in reviewed.json()["texts"]}
    assert texts == {"nl": True, "en": True} and reviewed.json()["version"] == 1
    again = await consent.http.post("/v1/purposes", json=body, headers=admin)
    assert again.status_code == 409
