"""The correction request (AVG art. 16) over real HTTP, PostgreSQL and Kafka: a guardian
asks from Mijn kind, the request is on the school's *Te doen* with the one-month term,
the school answers from the pupil page, and the guardian reads the answer. The text
stays in the portal's database; the bus carries ids. Bad input, a missing CSRF token,
another child and another tenant change nothing."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import AsyncIterator
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events.consent import GuardianStanding
from samen_contract.topics import events_topic
from samen_kit.access.roles import Role
from samen_kit.deadlines import local_date
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.tap import EventTap
from samen_kit.testing.waiting import wait_for
from samen_portal.domain.corrections import answer_by
from samen_portal.entrypoints.presenting import day
from samen_portal.parents.routes import renderer

from services.portal.tests.portal_harness import (
    family,
    known_family,
    own_prefix,
    sign_in,
    standing_known,
)
from services.portal.tests.test_parents_kind import Portal
from services.portal.tests.test_portal_readmodel import known

pytestmark = pytest.mark.integration

EXPLANATION = "De geboortedatum in het OPP is 3 mei, niet 5 mei."
REASON = "In de inschrijving staat 5 mei. Stuurt u ons een kopie van het paspoort?"


@pytest.fixture
async def portal_tap(
    portal: Portal, kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[EventTap]:
    topic = own_prefix(topic_prefix, "readmodel") + events_topic("portal")
    async with EventTap(kafka_bootstrap, topic) as tap:
        yield tap


async def _child(portal: Portal, facts: RosterPublisher) -> tuple[str, UUID, UUID, UUID]:
    tenant, school, pupil, guardian = await known_family(portal, facts)
    await wait_for(lambda: known(portal, tenant, pupil))
    return tenant, school, pupil, guardian


async def _csrf(browser: httpx.AsyncClient, pupil: UUID, token: str) -> str:
    form = await browser.get(f"/ouders/kind/{pupil}/correctie", params={"token": token})
    assert form.status_code == 200, form.text
    found = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert found is not None
    return found.group(1)


async def _stored(portal: Portal, tenant: str) -> list[tuple[object, ...]]:
    return await portal.sql(
        "SELECT request_id, area, explanation, outcome, reason "
        "FROM portal_correction_request WHERE tenant = :t",
        t=tenant,
    )


def _client(portal: Portal) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=portal.base_url, timeout=30.0)


async def test_a_guardian_asks_for_a_correction_and_reads_the_schools_answer(
    portal: Portal, facts: RosterPublisher, portal_tap: EventTap
) -> None:
    tenant, school, pupil, guardian = await _child(portal, facts)
    token = portal.guardian_token(tenant, guardian, pupil)
    due = answer_by(local_date(portal.clock.now()))
    async with _client(portal) as browser:
        csrf = await _csrf(browser, pupil, token)
        fields = {"token": token, "taal": "nl", "csrf": csrf, "over": "plans"}
        sent = await browser.post(
            f"/ouders/kind/{pupil}/correctie", data={**fields, "uitleg": EXPLANATION}
        )
        assert sent.status_code == 303, sent.text
        overview = await browser.get(sent.headers["location"])
    assert "Uw vraag is verstuurd naar de school." in overview.text
    term = renderer().phrases("nl").plain("ui_correction_term", date=due)
    assert term in overview.text
    assert "De school heeft nog niet geantwoord." in overview.text
    [(request_id, area, explanation, outcome, _)] = await _stored(portal, tenant)
    assert (area, explanation, outcome) == ("plans", EXPLANATION, None)

    # On the bus: ids, the area and the term; the explanation stays in the portal.
    seen = await portal_tap.wait_for_one(tenant, "CorrectionRequested")
    [requested] = [s for s in seen if s.name == "CorrectionRequested"]
    assert requested.data["request_id"] == str(request_id)
    assert requested.data["answer_by"] == due.isoformat()
    assert requested.envelope.actor == f"guardian:{guardian}"
    assert "geboortedatum" not in str(requested.data)

    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    worklist = (await ib.client.get("/te-doen")).text
    assert "Ouder vraagt om een correctie" in worklist
    assert f'href="/leerlingen/{pupil}"' in worklist and day(due) in worklist
    page = (await ib.client.get(f"/leerlingen/{pupil}")).text
    assert EXPLANATION in page and f"/correcties/{request_id}" in page
    answer = {"csrf": ib.csrf, "outcome": "refused", "reason": REASON}
    done = await ib.client.post(f"/leerlingen/{pupil}/correcties/{request_id}", data=answer)
    assert done.status_code == 303, done.text
    assert "Ouder vraagt om een correctie" not in (await ib.client.get("/te-doen")).text

    async with _client(portal) as browser:
        overview = await browser.get(f"/ouders/kind/{pupil}", params={"token": token})
        export = await browser.get(f"/ouders/kind/{pupil}/gegevens.zip", params={"token": token})
    assert "De school heeft het niet verbeterd. Dit is de reden:" in overview.text
    assert REASON in overview.text
    # The right of access covers the request too: the portal's part of the export.
    held = json.loads(zipfile.ZipFile(io.BytesIO(export.content)).read("portal.json"))
    [kept] = held["holdings"]["portal_correction_request"]
    assert (kept["explanation"], kept["reason"]) == (EXPLANATION, REASON)
    seen = await portal_tap.wait_for_one(tenant, "CorrectionAnswered")
    [answered] = [s for s in seen if s.name == "CorrectionAnswered"]
    assert answered.data["outcome"] == "refused" and "paspoort" not in str(answered.data)
    assert answered.envelope.actor.startswith("ib:")
    await ib.client.aclose()


async def test_bad_input_or_no_csrf_token_changes_nothing_and_says_what_to_fix(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, _, pupil, guardian = await _child(portal, facts)
    token = portal.guardian_token(tenant, guardian, pupil)
    url = f"/ouders/kind/{pupil}/correctie"
    async with _client(portal) as browser:
        csrf = await _csrf(browser, pupil, token)
        base = {"token": token, "taal": "nl"}
        no_csrf = await browser.post(url, data={**base, "over": "plans", "uitleg": EXPLANATION})
        wrong = await browser.post(
            url, data={**base, "csrf": "x" + csrf, "over": "plans", "uitleg": EXPLANATION}
        )
        no_area = await browser.post(
            url, data={**base, "csrf": csrf, "over": "audit", "uitleg": EXPLANATION}
        )
        empty = await browser.post(url, data={**base, "csrf": csrf, "over": "plans", "uitleg": " "})

    assert no_csrf.status_code == wrong.status_code == 403
    assert "Het formulier is verlopen." in no_csrf.text
    assert no_area.status_code == 422 and "Kies waar het over gaat." in no_area.text
    assert EXPLANATION in no_area.text  # what they wrote is kept for the next try
    assert empty.status_code == 422 and "Schrijf op wat er niet klopt." in empty.text
    assert await _stored(portal, tenant) == []


async def test_another_child_or_another_tenant_cannot_ask_about_this_child(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school, pupil, _ = await _child(portal, facts)
    other_pupil, parent = await family(facts, tenant, school, GuardianStanding.PARENTAL_AUTHORITY)
    await wait_for(lambda: standing_known(portal, tenant, parent))
    stranger = new_tenant()
    tries = [
        portal.guardian_token(tenant, parent, other_pupil),  # a link about another child
        portal.guardian_token(stranger, parent, pupil),  # this child in another tenant
    ]
    async with _client(portal) as browser:
        csrf = await _csrf(browser, other_pupil, tries[0])
        for token in tries:
            data = {"token": token, "csrf": csrf, "over": "plans", "uitleg": EXPLANATION}
            posted = await browser.post(f"/ouders/kind/{pupil}/correctie", data=data)
            assert posted.status_code == 403
            assert "Geen toegang" in posted.text
    assert await _stored(portal, tenant) == []
    assert await _stored(portal, stranger) == []


async def test_only_the_schools_coordinator_answers_once_and_a_refusal_needs_a_reason(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school, pupil, guardian = await _child(portal, facts)
    token = portal.guardian_token(tenant, guardian, pupil)
    async with _client(portal) as browser:
        csrf = await _csrf(browser, pupil, token)
        data = {"token": token, "csrf": csrf, "over": "guardian", "uitleg": EXPLANATION}
        assert (await browser.post(f"/ouders/kind/{pupil}/correctie", data=data)).is_redirect
    [(request_id, *_)] = await _stored(portal, tenant)
    url = f"/leerlingen/{pupil}/correcties/{request_id}"
    teacher = await sign_in(portal, tenant, Role.TEACHER, schools=(school,), groups=("6a",))
    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))

    by_teacher = await teacher.client.post(url, data={"csrf": teacher.csrf, "outcome": "corrected"})
    no_reason = await ib.client.post(url, data={"csrf": ib.csrf, "outcome": "refused"})
    no_csrf = await ib.client.post(url, data={"outcome": "corrected"})
    unknown = await ib.client.post(
        f"/leerlingen/{pupil}/correcties/{uuid4()}", data={"csrf": ib.csrf, "outcome": "corrected"}
    )
    assert by_teacher.status_code == 403
    assert no_reason.status_code == 422
    assert no_csrf.status_code == 403
    assert unknown.status_code == 404
    assert [row[3] for row in await _stored(portal, tenant)] == [None]

    first = await ib.client.post(url, data={"csrf": ib.csrf, "outcome": "corrected"})
    again = await ib.client.post(url, data={"csrf": ib.csrf, "outcome": "refused", "reason": "x"})
    assert first.status_code == 303 and again.status_code == 409
    assert [row[3] for row in await _stored(portal, tenant)] == ["corrected"]
    await teacher.client.aclose()
    await ib.client.aclose()
