"""The correction request (AVG art. 16) in Chromium: a guardian asks from Mijn kind in
each of the six languages (the form checked with axe-core: no serious or critical
violations; right to left in Arabic), the school's coordinator finds it on *Te doen*
and answers it on the pupil page (Dutch, axe-core too), and the guardian reads the
answer on Mijn kind.

The portal runs on the test's real Kafka and PostgreSQL; Chromium is Debian's and
axe-core comes from npm (tests/browser).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from playwright.async_api import BrowserContext
from samen_contract.events.consent import GuardianStanding
from samen_kit.access import Role
from samen_kit.pages import LANGUAGES
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.waiting import wait_for

from services.portal.tests.portal_harness import portal_alone_fixtures, sign_in
from tests.browser.axe import SERIOUS, axe_violations, chromium
from tests.browser.test_parents_overview import _check as check_parent_page
from tests.browser.test_parents_overview import _family, _kept
from tests.browser.test_portal_pages import Portal, open_tab
from tests.browser.test_portal_pages import check as check_staff_page

pytestmark = pytest.mark.e2e

EXPLANATION = "De geboortedatum in het OPP klopt niet: het is 3 mei."
REASON = "In de inschrijving staat 5 mei. Stuurt u ons een kopie van het paspoort?"


portal, facts = portal_alone_fixtures("corrections")


@pytest.fixture(scope="module")
async def context() -> AsyncIterator[BrowserContext]:
    async with chromium(viewport={"width": 390, "height": 844}) as context:
        yield context


async def test_a_guardian_asks_in_any_language_and_reads_the_schools_answer(
    portal: Portal, facts: RosterPublisher, context: BrowserContext, axe_source: str
) -> None:
    tenant = new_tenant()
    pupil, school, guardian = await _family(facts, tenant, GuardianStanding.PARENTAL_AUTHORITY)
    await wait_for(lambda: _kept(portal, tenant, pupil))
    token = portal.guardian_token(tenant, guardian, pupil)
    form = f"{portal.base_url}/ouders/kind/{pupil}/correctie?token={token}"
    tab = await context.new_page()
    failures = []
    for language in LANGUAGES:
        found = await check_parent_page(tab, axe_source, form, language, 200)
        failures += [f"{language}: {problem}" for problem in found]
    assert not failures, "\n".join(failures)

    # Only spaces: the browser lets it through, the portal says what to fix.
    await tab.goto(f"{form}&taal=nl")
    await tab.get_by_label("Waar gaat het over?").select_option("consent")
    await tab.get_by_label("Wat klopt er niet?").fill("   ")
    await tab.get_by_role("button", name="Vraag versturen").click()
    assert "Schrijf op wat er niet klopt." in await tab.get_by_role("alert").inner_text()
    violations: list[dict[str, Any]] = await axe_violations(tab, axe_source)
    assert [v for v in violations if v["impact"] in SERIOUS] == []

    # In Arabic, from the overview's link, with the keyboard's labels.
    await tab.goto(f"{portal.base_url}/ouders/kind/{pupil}?token={token}&taal=ar")
    await tab.locator(f'a[href^="/ouders/kind/{pupil}/correctie"]').click()
    await tab.get_by_label("Waar gaat het over?").select_option("plans")
    await tab.get_by_label("Wat klopt er niet?").fill(EXPLANATION)
    await tab.get_by_role("button", name="Vraag versturen").click()
    await tab.wait_for_url("**/ouders/kind/**verstuurd=1**")
    assert await tab.evaluate("document.documentElement.dir") == "rtl"
    sent = await tab.locator("section[aria-labelledby=correcties]").inner_text()
    assert "Uw vraag is verstuurd naar de school." in sent
    assert "De school heeft nog niet geantwoord." in sent

    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    staff = await open_tab(context, portal, ib.client.cookies["samen_portal"])
    base = portal.base_url
    failures = await check_staff_page(staff, axe_source, f"{base}/te-doen", 200)
    failures += await check_staff_page(staff, axe_source, f"{base}/leerlingen/{pupil}", 200)
    assert not failures, "\n".join(failures)
    await staff.goto(f"{base}/te-doen")
    await staff.get_by_role("row", name="Ouder vraagt om een correctie").get_by_role("link").click()
    await staff.get_by_label("Niet verbeterd", exact=True).check()
    await staff.get_by_label("Reden als het niet verbeterd wordt").fill(REASON)
    await staff.get_by_role("button", name="Antwoord opslaan").click()
    await staff.wait_for_url(f"**/leerlingen/{pupil}?gedaan=correctie")
    assert "De ouder ziet het bij Mijn kind." in await staff.locator("[role=status]").inner_text()

    guardian_tab = await context.new_page()
    await guardian_tab.goto(f"{base}/ouders/kind/{pupil}?token={token}&taal=ar")
    answered = await guardian_tab.locator("section[aria-labelledby=correcties]").inner_text()
    assert "De school heeft het niet verbeterd." in answered and REASON in answered
    await ib.client.aclose()
