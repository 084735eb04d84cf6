"""The TLV flow end to end within the service, over real HTTP, PostgreSQL and Kafka:
a school drafts → the parents consent and add their view → submitted → two experts
advise → granted with dates → the parents read the decision and their rights → near the
end date the warning → extension. The bus carries ids, dates and codes only."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import httpx
import pytest
from samen_admissions.domain.consent import ConsentStatus
from samen_admissions.handlers.timers import sweep
from samen_kit.access import Role
from samen_kit.testing.waiting import wait_for

from services.admissions.tests.admissions_harness import (
    Consent,
    Running,
    Tap,
    consent_is,
    request_item,
)
from services.admissions.tests.admissions_steps import (
    MOTIVATION,
    PURPOSES,
    VIEW,
    advise,
    consented,
    draft,
    enrolled,
    ib,
    parents_view,
    swv,
)

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("term_time")]


async def test_a_tlv_from_draft_to_extension(
    admissions: Running, consent_facts: Consent, admissions_tap: Tap, client: httpx.AsyncClient
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    opp_id = str(uuid4())
    drafted = await draft(client, run, pupil, opp_id=opp_id)
    request_id = drafted["id"]
    assert (drafted["status"], drafted["opp_id"]) == ("draft", opp_id)

    # Without the parents' consent the request cannot go to the samenwerkingsverband.
    early = await client.post(
        f"/admission-requests/{request_id}/submission", headers=ib(run, pupil)
    )
    assert early.status_code == 409
    assert early.json()["missing_consent"] == list(PURPOSES)

    await consented(run, consent_facts, pupil)
    no_view = await client.post(
        f"/admission-requests/{request_id}/submission", headers=ib(run, pupil)
    )
    assert no_view.status_code == 409 and "parents-view-missing" in no_view.json()["type"]

    # The parents read the school's question on their page, Dutch first, and add their view.
    token = run.guardian_token(
        pupil.tenant, pupil.guardians[0], pupil.pupil_id, request_item(request_id)
    )
    async with httpx.AsyncClient(base_url=run.base_url) as guardian:
        page = await guardian.get(
            f"/ouders/aanvragen/{request_id}", params={"token": token, "taal": "en"}
        )
    assert page.status_code == 200
    assert MOTIVATION in page.text
    assert page.text.index("Een toelaatbaarheidsverklaring") < page.text.index(
        "An admissibility statement"
    )
    await parents_view(run, pupil, request_id)

    submitted = await client.post(
        f"/admission-requests/{request_id}/submission", headers=ib(run, pupil)
    )
    assert submitted.status_code == 200
    # Awb art. 4:13: eight weeks, to Monday 27 April: King's Day, so Tuesday 28 (Atw art. 3).
    assert submitted.json()["decide_by"] == "2026-04-28"

    # Two experts advise, one of them an orthopedagoog; the committee decides after both.
    assert (await advise(client, run, pupil, request_id, "orthopedagoog")).status_code == 201
    committee = swv(run, pupil, Role.COMMITTEE)
    dates = {"start_date": "2026-08-01", "end_date": "2027-07-31"}
    too_soon = await client.post(
        f"/admission-requests/{request_id}/grant", json=dates, headers=committee
    )
    assert too_soon.status_code == 409
    assert (await advise(client, run, pupil, request_id, "other")).status_code == 201
    granted = await client.post(
        f"/admission-requests/{request_id}/grant", json=dates, headers=committee
    )
    assert granted.status_code == 200, granted.text
    assert granted.json()["objection_by"] == "2026-04-13"  # Awb art. 6:7, six weeks

    # The parents read the decision and their rights in their language.
    async with httpx.AsyncClient(base_url=run.base_url) as guardian:
        page = await guardian.get(
            f"/ouders/aanvragen/{request_id}", params={"token": token, "taal": "tr"}
        )
    assert "Dan kunt u bezwaar maken bij het samenwerkingsverband" in page.text
    assert "Okul işbirliği ağına itiraz" in page.text
    assert VIEW in page.text

    # Twelve weeks before the end: the warning, once, however often the timers run.
    run.clock.current = datetime(2027, 5, 10, 9, tzinfo=UTC)
    assert await sweep(run.service.deps, warning_weeks=12) >= 1
    assert await sweep(run.service.deps, warning_weeks=12) == 0
    extended = await client.post(
        f"/admission-requests/{request_id}/extension",
        json={"end_date": "2028-07-31"},
        headers=swv(run, pupil, Role.COMMITTEE),  # a token of today
    )
    assert extended.status_code == 200 and extended.json()["end_date"] == "2028-07-31"

    names = [
        "AdmissionRequestDrafted",
        "ParentsViewAdded",
        "AdmissionRequested",
        "ExpertAdviceGiven",
        "AdmissionGranted",
        "AdmissionEndApproaching",
        "AdmissionExtended",
    ]
    seen = await admissions_tap.wait(
        pupil.tenant, lambda s: {x.name for x in s} >= set(names) and len(s) >= 8
    )
    assert [s.name for s in seen] == [*names[:4], "ExpertAdviceGiven", *names[4:]]
    assert {s.envelope.correlationid for s in seen} == {request_id}
    approaching = next(s for s in seen if s.name == "AdmissionEndApproaching")
    assert approaching.data["end_date"] == "2027-07-31"
    assert approaching.envelope.actor == "system:admissions.timers"
    everything = str([s.data for s in seen])
    assert MOTIVATION not in everything and VIEW not in everything
    assert next(s for s in seen if s.name == "AdmissionRequested").data["opp_id"] == opp_id


async def test_withdrawn_consent_stops_a_submission(
    admissions: Running, consent_facts: Consent, client: httpx.AsyncClient
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    request_id = (await draft(client, run, pupil))["id"]
    await consented(run, consent_facts, pupil)
    await parents_view(run, pupil, request_id)
    await consent_facts.withdraw(pupil, "share_file")
    await wait_for(lambda: consent_is(run, pupil, "share_file", ConsentStatus.WITHDRAWN))

    answer = await client.post(
        f"/admission-requests/{request_id}/submission", headers=ib(run, pupil)
    )
    assert answer.status_code == 409
    assert answer.json()["missing_consent"] == ["share_file"]
