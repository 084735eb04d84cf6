"""The staff workspace in Chromium: every page checked with axe-core against WCAG 2.1 AA
(no serious or critical violations; the NL Design System stylesheets and htmx load under
the strict CSP), the pupil page updating live when a parent answers, and a journey done
with the keyboard alone.

The portal runs on the test's real Kafka and PostgreSQL; the staff member's session is
started as the sign-in does after the identity provider's redirect (the Keycloak round
trip itself waits for the identity branch's launcher). Chromium is Debian's; axe-core
comes from npm (tests/browser), the portal's CSS and htmx from services/portal/assets.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any
from uuid import UUID, uuid4

import pytest
from playwright.async_api import BrowserContext, Page
from samen_contract.events.consent import (
    AnswerChannel,
    ConsentAnswer,
    ConsentAnswered,
    PartyRole,
    PupilEnrolled,
)
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.service import RunningService
from samen_kit.testing.waiting import wait_for
from samen_portal.bootstrap import SESSION_COOKIE, PortalService

from services.portal.tests.portal_harness import (
    consent_asked,
    parent_comment,
    portal_alone_fixtures,
    sign_in,
)
from tests.browser.axe import axe_violations, chromium, described

pytestmark = pytest.mark.e2e

LOADED = """() => ({
  sheets: Array.from(document.styleSheets).filter(s => s.cssRules.length > 0).length,
  htmx: typeof window.htmx !== "undefined",
  lang: document.documentElement.lang,
})"""

Portal = RunningService[PortalService]


portal, facts = portal_alone_fixtures("pages")


@pytest.fixture(scope="module")
async def browser_context() -> AsyncIterator[BrowserContext]:
    async with chromium(viewport={"width": 1024, "height": 800}) as context:
        yield context


async def open_tab(context: BrowserContext, portal: Portal, cookie: str) -> Page:
    await context.clear_cookies()
    await context.add_cookies([{"name": SESSION_COOKIE, "value": cookie, "url": portal.base_url}])
    return await context.new_page()


async def enrol(facts: RosterPublisher, tenant: str, school: UUID, group: str) -> UUID:
    pupil = uuid4()
    event = PupilEnrolled(
        pupil_id=pupil, school_id=school, enrolled_on=date(2025, 8, 18), group=group
    )
    await facts.publish(event, tenant=tenant, subject=pupil, school=school)
    return pupil


async def kept(portal: Portal, tenant: str, pupil: UUID, at_least: int) -> bool:
    rows = await portal.sql(
        "SELECT count(*) FROM portal_fact WHERE tenant = :t AND pupil_id = :p", t=tenant, p=pupil
    )
    return bool(rows[0][0] >= at_least)


async def check(tab: Page, axe: str, url: str, status: int) -> list[str]:
    response = await tab.goto(url)
    assert response is not None
    if response.status != status:
        return [f"{url}: status {response.status}"]
    loaded: dict[str, Any] = await tab.evaluate(LOADED)
    found = []
    if loaded["sheets"] < 3 or not loaded["htmx"] or loaded["lang"] != "nl":
        found.append(f"{url}: stylesheets, htmx or language missing: {loaded}")
    found += [
        f"{url}: {line}" for line in described(await axe_violations(tab, axe), serious_only=True)
    ]
    return found


async def test_every_staff_page_passes_axe(
    portal: Portal, facts: RosterPublisher, browser_context: BrowserContext, axe_source: str
) -> None:
    tenant, school = new_tenant(), uuid4()
    pupil = await enrol(facts, tenant, school, "7b")
    other = await enrol(facts, tenant, school, "8a")
    added = parent_comment(pupil, school)
    await facts.publish(added, tenant=tenant, subject=pupil, school=school)
    await wait_for(lambda: kept(portal, tenant, pupil, 2))
    await wait_for(lambda: kept(portal, tenant, other, 1))

    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    swv = await sign_in(portal, tenant, Role.SWV_STAFF)
    teacher = await sign_in(portal, tenant, Role.TEACHER, schools=(school,), groups=("7b",))
    base = portal.base_url
    walks = [
        (ib, [("/te-doen", 200), ("/leerlingen", 200), (f"/leerlingen/{pupil}", 200)]),
        (ib, [("/ouderavond", 200)]),
        (swv, [("/overzicht", 200)]),
        (teacher, [(f"/leerlingen/{other}", 403), (f"/leerlingen/{uuid4()}", 404)]),
        (teacher, [("/ouderavond", 403)]),
    ]
    failures: list[str] = []
    for staff, pages in walks:
        tab = await open_tab(browser_context, portal, staff.client.cookies[SESSION_COOKIE])
        for path, status in pages:
            failures += await check(tab, axe_source, base + path, status)
        await tab.close()
    tab = await browser_context.new_page()
    await browser_context.clear_cookies()
    failures += await check(tab, axe_source, base + "/afgemeld", 200)
    await tab.close()
    assert not failures, "\n".join(failures)


async def test_the_pupil_page_shows_a_parents_answer_without_reloading(
    portal: Portal, facts: RosterPublisher, browser_context: BrowserContext
) -> None:
    tenant, school = new_tenant(), uuid4()
    pupil = await enrol(facts, tenant, school, "6a")
    request = uuid4()
    asked = consent_asked(pupil, school, request)
    await facts.publish(asked, tenant=tenant, subject=pupil, school=school)
    await wait_for(lambda: kept(portal, tenant, pupil, 2))
    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    tab = await open_tab(browser_context, portal, ib.client.cookies[SESSION_COOKIE])
    await tab.goto(f"{portal.base_url}/leerlingen/{pupil}")
    await tab.get_by_text("Toestemming gevraagd").wait_for()
    marker = await tab.evaluate("() => (window.__samePage = 1)")  # gone if it reloads

    answered = ConsentAnswered(
        request_id=request,
        pupil_id=pupil,
        purpose="mdo",
        purpose_version=1,
        party_id=uuid4(),
        party_role=PartyRole.GUARDIAN,
        answer=ConsentAnswer.AGREE,
        channel=AnswerChannel.GUARDIAN_PAGE,
    )
    await facts.publish(answered, tenant=tenant, subject=pupil, school=school)
    await tab.get_by_text("Ouder heeft geantwoord").wait_for(timeout=20_000)
    assert await tab.evaluate("() => window.__samePage") == marker
    await tab.close()


async def test_a_pupil_is_found_and_opened_with_the_keyboard_alone(
    portal: Portal, facts: RosterPublisher, browser_context: BrowserContext
) -> None:
    tenant, school = new_tenant(), uuid4()
    pupil = await enrol(facts, tenant, school, "5b")
    await wait_for(lambda: kept(portal, tenant, pupil, 1))
    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    tab = await open_tab(browser_context, portal, ib.client.cookies[SESSION_COOKIE])
    await tab.goto(f"{portal.base_url}/te-doen")

    async def tab_to(predicate: str, limit: int = 15) -> None:
        for _ in range(limit):
            await tab.keyboard.press("Tab")
            if await tab.evaluate(
                f"() => {{ const e = document.activeElement; return {predicate}; }}"
            ):
                return
        raise AssertionError(f"never reached {predicate} with Tab")

    await tab_to("e.textContent.trim() === 'Leerlingen'")
    await tab.keyboard.press("Enter")
    await tab.wait_for_url("**/leerlingen")
    await tab_to("e.id === 'zoek'")
    await tab.keyboard.type(str(pupil)[:8])
    await tab.keyboard.press("Enter")
    await tab.wait_for_url("**/leerlingen?zoek=*")
    await tab_to(f"e.getAttribute('href') === '/leerlingen/{pupil}'")
    await tab.keyboard.press("Enter")
    await tab.wait_for_url(f"**/leerlingen/{pupil}")
    # The skip link is the first stop, and it leads to the content.
    await tab.keyboard.press("Tab")
    assert await tab.evaluate("() => document.activeElement.textContent.trim()") == "Naar de inhoud"
    await tab.close()
