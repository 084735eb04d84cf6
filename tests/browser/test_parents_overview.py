"""Mijn kind in Chromium: a guardian's overview, opened from an SMS or e-mail link, in
each of the six languages on a phone-sized screen, checked with axe-core against WCAG
2.1 AA (no serious or critical violations; the parent pages allow none at all), read
right to left in Arabic, its inline stylesheet let through by the page's own policy;
the refusal page for a guardian without parental authority too.

The portal runs on the test's real Kafka and PostgreSQL, its facts published as their
owners would. Chromium is Debian's; axe-core comes from npm (tests/browser).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
from playwright.async_api import Page
from samen_contract.events.consent import (
    ConsentParty,
    ConsentRequested,
    GuardianshipRecorded,
    GuardianStanding,
    PartyRole,
    PupilEnrolled,
)
from samen_contract.events.plans import ActionPartOffered
from samen_kit.clock import FakeClock
from samen_kit.pages import LANGUAGES, direction
from samen_kit.testing.keys import Keys
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher, guardian_of_at_least
from samen_kit.testing.service import RunningService
from samen_kit.testing.waiting import wait_for
from samen_portal.bootstrap import PortalService

from services.portal.tests.portal_harness import make_settings, publisher, running
from tests.browser.axe import axe_violations, chromium, described

pytestmark = pytest.mark.e2e

LAYOUT = """() => ({
  lang: document.documentElement.lang,
  dir: document.documentElement.dir,
  flow: getComputedStyle(document.body).direction,
  fontSize: getComputedStyle(document.body).fontSize,
  wide: document.documentElement.scrollWidth > window.innerWidth,
})"""

Portal = RunningService[PortalService]


@pytest.fixture(scope="module")
async def portal(
    make_session_database: Callable[[str], str],
    kafka_bootstrap: str,
    topic_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Portal]:
    keys = Keys()
    settings = make_settings(
        database_url=make_session_database("portal_parents_browser"),
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=topic_prefix,
        keys_folder=tmp_path_factory.mktemp("keys"),
        keys=keys,
    )
    async with running(settings, keys, FakeClock(datetime.now(UTC))) as service:
        yield service


@pytest.fixture(scope="module")
async def facts(portal: Portal, kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Any]:
    async with publisher(kafka_bootstrap, topic_prefix) as found:
        yield found


@pytest.fixture(scope="module")
async def tab(axe_source: str) -> AsyncIterator[Page]:
    async with chromium(viewport={"width": 390, "height": 844}) as context:
        yield await context.new_page()


async def _family(
    facts: RosterPublisher, tenant: str, standing: GuardianStanding
) -> tuple[UUID, UUID, UUID]:
    pupil, school, guardian = uuid4(), uuid4(), uuid4()
    events = [
        PupilEnrolled(pupil_id=pupil, school_id=school, enrolled_on=date(2025, 8, 18)),
        GuardianshipRecorded(pupil_id=pupil, guardian_id=guardian, standing=standing),
        ConsentRequested(
            request_id=uuid4(),
            pupil_id=pupil,
            school_id=school,
            purpose="onderzoek",
            purpose_version=1,
            parties=(ConsentParty(party_id=guardian, role=PartyRole.GUARDIAN),),
            answer_by=date(2026, 4, 1),
        ),
        ActionPartOffered(
            opp_id=uuid4(),
            pupil_id=pupil,
            school_id=school,
            version=1,
            action_part_sha256="cd" * 32,
            answer_by=date(2026, 3, 15),
        ),
    ]
    for event in events:
        await facts.publish(event, tenant=tenant, subject=pupil, school=school)
    return pupil, school, guardian


async def _kept(portal: Portal, tenant: str, pupil: UUID) -> bool:
    rows = await portal.sql(
        "SELECT (SELECT count(*) FROM portal_fact WHERE tenant = :t AND pupil_id = :p),"
        " (SELECT count(*) FROM roster_guardianship WHERE tenant = :t AND pupil_id = :p)",
        t=tenant,
        p=pupil,
    )
    return bool(rows[0][0] >= 3 and rows[0][1] >= 1)


async def _check(tab: Page, axe: str, url: str, language: str, status: int) -> list[str]:
    response = await tab.goto(f"{url}&taal={language}")
    assert response is not None
    if response.status != status:
        return [f"status {response.status}"]
    found: list[str] = []
    layout: dict[str, Any] = await tab.evaluate(LAYOUT)
    expected = (language, direction(language), direction(language))
    if (layout["lang"], layout["dir"], layout["flow"]) != expected:
        found.append(f"lang/dir {layout}")
    if layout["fontSize"] != "18px":
        found.append(f"the stylesheet was not applied (font size {layout['fontSize']})")
    if layout["wide"]:
        found.append("wider than a phone's screen")
    found += described(await axe_violations(tab, axe))
    return found


async def test_the_overview_passes_axe_in_all_six_languages_and_reads_rtl_in_arabic(
    portal: Portal, facts: RosterPublisher, tab: Page, axe_source: str
) -> None:
    tenant = new_tenant()
    pupil, _school, guardian = await _family(facts, tenant, GuardianStanding.PARENTAL_AUTHORITY)
    other, _, informed = await _family(facts, tenant, GuardianStanding.INFORMATION_RIGHT)
    await wait_for(lambda: _kept(portal, tenant, pupil))
    await wait_for(lambda: _kept(portal, tenant, other))
    pages = [
        (f"/ouders/kind/{pupil}", portal.guardian_token(tenant, guardian, pupil), 200),
        (f"/ouders/kind/{other}", portal.guardian_token(tenant, informed, other), 403),
    ]
    failures = []
    for path, token, status in pages:
        for language in LANGUAGES:
            url = f"{portal.base_url}{path}?token={token}"
            found = await _check(tab, axe_source, url, language, status)
            failures += [f"{path} {status} {language}: {problem}" for problem in found]
    assert not failures, "\n".join(failures)

    await tab.goto(f"{portal.base_url}/ouders/kind/{pupil}?token={pages[0][1]}&taal=ar")
    first = tab.locator("#vragen + ul li").first
    assert "/ouders/opp/" in (await first.locator("a").get_attribute("href") or "")
    assert "طفلي" in await tab.locator("h1").inner_text()


async def test_a_signed_in_parent_of_two_children_switches_between_them_and_it_passes_axe(
    portal: Portal, facts: RosterPublisher, tab: Page, axe_source: str
) -> None:
    tenant = new_tenant()
    first, school, parent = await _family(facts, tenant, GuardianStanding.PARENTAL_AUTHORITY)
    second = uuid4()
    for event in [
        PupilEnrolled(pupil_id=second, school_id=school, enrolled_on=date(2023, 8, 21), group="5c"),
        GuardianshipRecorded(
            pupil_id=second, guardian_id=parent, standing=GuardianStanding.PARENTAL_AUTHORITY
        ),
    ]:
        await facts.publish(event, tenant=tenant, subject=second, school=school)
    await wait_for(lambda: _kept(portal, tenant, first))
    await wait_for(lambda: guardian_of_at_least(portal.sessions, tenant, parent, 2))
    session = portal.guardian_session(tenant, parent, first)
    await tab.context.add_cookies(
        [{"name": name, "value": value, "url": portal.base_url} for name, value in session.items()]
    )

    failures = []
    for language in LANGUAGES:
        url = f"{portal.base_url}/ouders/kind/{first}?via=sessie"
        found = await _check(tab, axe_source, url, language, 200)
        failures += [f"{language}: {problem}" for problem in found]
    assert not failures, "\n".join(failures)

    switch = tab.locator("#kinderen + ul a")
    assert await switch.count() == 2
    # The older enrolment is child 1: the second child, in group 5c.
    assert "5c" in await switch.first.inner_text()
    await switch.first.click()
    await tab.wait_for_url(f"**/ouders/kind/{second}?*")
    assert await tab.locator('#kinderen + ul a[aria-current="page"]').get_attribute("href") == (
        f"/ouders/kind/{second}?taal=uk"
    )
