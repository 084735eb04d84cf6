"""The portal over real HTTP on a real broker and database: facts from the services'
topics make the worklist and the pupil page, once however often they arrive; a teacher
is refused another group's pupil; every view of a file is counted per user, pupil and
day and written once a day for the audit log; an open pupil page hears of new facts;
a post without the session's CSRF token changes nothing."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID, uuid4

import pytest
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.refusals import refusals_counted
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.service import RunningService
from samen_kit.testing.waiting import wait_for
from samen_portal.bootstrap import PortalService

from services.portal.tests.portal_harness import consent_asked, enrol, parent_comment, sign_in

pytestmark = pytest.mark.integration

Portal = RunningService[PortalService]


async def known(portal: Portal, tenant: str, pupil: UUID) -> bool:
    rows = await portal.sql(
        "SELECT 1 FROM portal_pupil WHERE tenant = :t AND pupil_id = :p", t=tenant, p=pupil
    )
    return bool(rows)


async def known_pupil(portal: Portal, facts: RosterPublisher, group: str) -> tuple[str, UUID, UUID]:
    """A pupil of `group` at a new school of a new tenant, once the portal knows them:
    (tenant, school, pupil)."""
    tenant, school = new_tenant(), uuid4()
    pupil = await enrol(facts, tenant, school, group)
    await wait_for(lambda: known(portal, tenant, pupil))
    return tenant, school, pupil


async def fact_count(portal: Portal, tenant: str, pupil: UUID) -> int:
    rows = await portal.sql(
        "SELECT count(*) FROM portal_fact WHERE tenant = :t AND pupil_id = :p", t=tenant, p=pupil
    )
    return int(rows[0][0])


async def test_a_parents_comment_is_on_the_worklist_and_the_pupil_page_once(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school = new_tenant(), uuid4()
    pupil = await enrol(facts, tenant, school, "7b")
    added = parent_comment(pupil, school)
    envelope = await facts.publish(added, tenant=tenant, subject=pupil, school=school)
    await facts.send(envelope, added)  # delivered twice: kept once
    await wait_for(lambda: _at_least(fact_count(portal, tenant, pupil), 2))

    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    worklist = await ib.client.get("/te-doen")
    assert worklist.status_code == 200
    assert worklist.text.count("Ouder gaf een reactie op het verslag") == 1
    assert f"/leerlingen/{pupil}" in worklist.text

    page = await ib.client.get(f"/leerlingen/{pupil}")
    assert page.status_code == 200
    assert "Gesprekken en verslagen" in page.text
    # The consent service does not answer here: the page says so, and still shows.
    assert "nu niet te zien" in page.text
    await asyncio.sleep(0.5)  # anything late would show now
    assert await fact_count(portal, tenant, pupil) == 2


async def test_a_teacher_sees_their_own_group_and_is_refused_another(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school = new_tenant(), uuid4()
    own = await enrol(facts, tenant, school, "7b")
    other = await enrol(facts, tenant, school, "8a")
    await wait_for(lambda: _all(known(portal, tenant, own), known(portal, tenant, other)))
    teacher = await sign_in(portal, tenant, Role.TEACHER, schools=(school,), groups=("7b",))

    listed = await teacher.client.get("/leerlingen")
    assert str(own) in listed.text and str(other) not in listed.text
    assert (await teacher.client.get(f"/leerlingen/{own}")).status_code == 200
    refused = await teacher.client.get(f"/leerlingen/{other}")
    assert refused.status_code == 403
    assert "Geen toegang" in refused.text
    assert await _refusals(portal, tenant) >= 1
    views = await portal.sql(
        "SELECT count(*) FROM portal_file_view WHERE tenant = :t AND pupil_id = :p",
        t=tenant,
        p=other,
    )
    assert views[0][0] == 0  # a refused look is no look at the file


async def test_another_tenants_pupil_is_not_found(portal: Portal, facts: RosterPublisher) -> None:
    *_, pupil = await known_pupil(portal, facts, "7b")
    outsider = await sign_in(portal, new_tenant(), Role.SWV_STAFF)
    found = await outsider.client.get(f"/leerlingen/{pupil}")
    assert found.status_code == 404
    assert str(pupil) not in (await outsider.client.get("/leerlingen")).text


async def test_views_of_a_file_are_counted_per_day_and_written_once_for_the_audit_log(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school, pupil = await known_pupil(portal, facts, "5a")
    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    for _ in range(3):
        assert (await ib.client.get(f"/leerlingen/{pupil}")).status_code == 200

    counted = await portal.sql(
        "SELECT viewer, views FROM portal_file_view WHERE tenant = :t AND pupil_id = :p",
        t=tenant,
        p=pupil,
    )
    assert len(counted) == 1 and counted[0][1] == 3
    assert counted[0][0].startswith("ib:")
    written = await portal.sql("SELECT headers FROM outbox WHERE key = :k", k=str(pupil).encode())
    headers = [dict(row[0]) for row in written]
    assert [h["ce_type"] for h in headers] == ["samen.portal.PupilFileViewed.v1"]
    assert headers[0]["ce_actor"] == counted[0][0] and headers[0]["ce_tenant"] == tenant


async def test_an_open_pupil_page_hears_of_a_new_fact(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school, pupil = await known_pupil(portal, facts, "6c")
    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))

    async def first_change() -> str:
        async with ib.client.stream("GET", f"/leerlingen/{pupil}/live") as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            async for line in stream.aiter_lines():
                if line.startswith("event:"):
                    return line
        return ""

    listening = asyncio.create_task(first_change())
    await asyncio.sleep(0.5)  # the page is open before the fact arrives
    asked = consent_asked(pupil, school)
    await facts.publish(asked, tenant=tenant, subject=pupil, school=school)
    assert await asyncio.wait_for(listening, timeout=20) == "event: changed"
    fragment = await ib.client.get(f"/leerlingen/{pupil}/feiten")
    assert "Toestemming gevraagd" in fragment.text


async def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school, pupil = await known_pupil(portal, facts, "4a")
    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    posted = await ib.client.post(f"/leerlingen/{pupil}/toestemming", data={"purpose": "mdo"})
    assert posted.status_code == 403
    assert posted.headers["content-type"] == "application/problem+json"
    still = await ib.client.post("/afmelden", data={"csrf": "not-the-token"})
    assert still.status_code == 403
    assert (await ib.client.get("/te-doen")).status_code == 200  # still signed in


async def test_pages_carry_a_strict_content_security_policy(portal: Portal) -> None:
    outsider = await sign_in(portal, new_tenant(), Role.IB)
    page = await outsider.client.get("/te-doen")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["cache-control"] == "no-store"
    signed_out = await outsider.client.get("/te-doen", cookies={"samen_portal": "forged"})
    assert signed_out.status_code == 303 and signed_out.headers["location"] == "/aanmelden"


async def _at_least(count: Any, wanted: int) -> bool:
    return bool(await count >= wanted)


async def _all(*checks: Any) -> bool:
    return all(await asyncio.gather(*checks))


async def _refusals(portal: Portal, tenant: str) -> int:
    return sum((await refusals_counted(portal.sessions, tenant)).values())


async def test_the_samenwerkingsverband_sees_the_overview_and_a_school_does_not(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school = new_tenant(), uuid4()
    pupil = await enrol(facts, tenant, school, "3a")
    request = uuid4()
    asked = consent_asked(pupil, school, request)
    await facts.publish(asked, tenant=tenant, subject=pupil, school=school)
    await wait_for(lambda: _at_least(fact_count(portal, tenant, pupil), 2))

    swv = await sign_in(portal, tenant, Role.SWV_STAFF)
    page = await swv.client.get("/overzicht")
    assert page.status_code == 200
    assert page.text.count("<svg") == 6 and page.text.count("<table") == 6
    assert f"School {str(school).split('-')[0]}" in page.text
    assert "nog geen antwoorden" in page.text  # asked, not yet answered
    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    assert (await ib.client.get("/overzicht")).status_code == 403
