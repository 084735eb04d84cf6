"""The must-show parent journey in Chromium, on the whole platform: a guardian reading
Arabic follows the SMS link about an OPP's action part, confirms with the code the SMS
simulator received (the question shows the OPP's words), sees the question and Mijn kind
right to left, consents, and finds
the receipt of that consent in the access export downloaded from Mijn kind. The other
parent types a wrong code three times: the action locks and the lock is in the audit
log. axe-core finds no serious or critical WCAG 2.1 AA violation on any page visited."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit
from uuid import UUID

import anyio
import pytest
from playwright.async_api import BrowserContext, Page
from samen_cli.journey.cast import Parent
from samen_cli.journey.context import Journey, JourneyOptions
from samen_cli.journey.events import Seen
from samen_cli.journey.polling import until
from samen_cli.journey.staff import Badge
from samen_cli.journey.steps_plans import CONSENT_PAGE, action_part_offered
from samen_cli.journey.story import journey
from samen_cli.platform import Platform

from tests.browser.axe import AXE, RUN_AXE, WCAG_21_AA, chromium
from tests.e2e.conftest import region_of_its_own

pytestmark = pytest.mark.e2e

STEP_UP_PAGE = "/ouders/bevestigen"
LOCKED = "رمز خاطئ مرات كثيرة"  # the Arabic page: too many wrong codes
BLOCKING = ("serious", "critical")
SLOW = 90_000  # ms: the whole platform shares two cores with other work


@dataclass
class Visit:
    """The pages one test visited, with what axe-core found serious or critical on each."""

    found: dict[str, list[str]] = field(default_factory=dict)

    async def check(self, tab: Page, name: str) -> None:
        assert await tab.evaluate("document.documentElement.dir") == "rtl", name
        await tab.evaluate(AXE.read_text("utf-8"))
        violations: list[dict[str, Any]] = await tab.evaluate(RUN_AXE, WCAG_21_AA)
        self.found[name] = [v["id"] for v in violations if v["impact"] in BLOCKING]


@dataclass(frozen=True)
class Offered:
    journey: Journey
    asked: Seen


@pytest.fixture(scope="module")
async def offered(platform: Platform) -> AsyncIterator[Offered]:
    site, plan = await region_of_its_own(platform, pupils_per_school=12)
    async with journey(site, plan, JourneyOptions(expect_sms=True)) as j:
        yield Offered(j, await action_part_offered(j))


@pytest.fixture
async def arabic() -> AsyncIterator[BrowserContext]:
    """A phone's browser that asks for Arabic first."""
    async with chromium(
        viewport={"width": 390, "height": 844}, locale="ar", accept_downloads=True
    ) as context:
        context.set_default_timeout(SLOW)
        yield context


def _by_sms(j: Journey) -> Parent:
    parent = next((p for p in j.family.parents if p.mobile), None)
    assert parent is not None, "the journey's family has no parent with a mobile number"
    return parent


def _in_arabic(url: str) -> str:
    """The page in Arabic, as the guardian picks it from the page's list of languages."""
    parts = urlsplit(url)
    query = {name: values[0] for name, values in parse_qs(parts.query).items()}
    return parts._replace(query=urlencode({**query, "taal": "ar"})).geturl()


def _consent_link(links: list[str]) -> str:
    """The consent page, or the SMS's short link (`/l/`) to it."""
    link = next((u for u in links if CONSENT_PAGE in u or "/l/" in u), None)
    assert link is not None, "the message holds no link to the consent page"
    return link


async def _answer_yes(tab: Page) -> None:
    async with tab.expect_navigation(timeout=SLOW):
        await tab.locator('button[value="ja"]').click()


async def _ask_code(tab: Page, visit: Visit) -> UUID:
    """On the code page (where the question about the OPP sent the guardian): ask for
    the code."""
    shown = await tab.locator("h1").inner_text()
    assert urlsplit(tab.url).path == STEP_UP_PAGE, f"{urlsplit(tab.url).path}: {shown}"
    await visit.check(tab, "step-up")
    async with tab.expect_navigation(timeout=SLOW):
        await tab.get_by_role("button").click()
    await tab.wait_for_selector("#code")
    await visit.check(tab, "step-up-code")
    challenge = await tab.locator('input[name="challenge"]').get_attribute("value")
    assert challenge is not None
    return UUID(challenge)


async def test_a_guardian_reading_arabic_consents_after_the_sms_code_and_finds_the_receipt(
    offered: Offered, arabic: BrowserContext, platform: Platform
) -> None:
    j, asked = offered.journey, offered.asked
    parent = _by_sms(j)
    sms = (await j.delivery(asked, parent, "sms")).sms
    assert sms is not None
    tab, visit = await arabic.new_page(), Visit()

    await tab.goto(_consent_link(sms.links()))
    # The question shows the OPP's words, so the code comes first (ADR 0017).
    await tab.goto(_in_arabic(tab.url))  # the guardian choosing Arabic
    challenge = await _ask_code(tab, visit)
    await tab.fill("#code", await j.inbox.step_up_code(challenge))
    async with tab.expect_navigation(timeout=SLOW):
        await tab.get_by_role("button").click()
    assert CONSENT_PAGE in urlsplit(tab.url).path
    link = _in_arabic(tab.url)  # back on the question the SMS link led to
    await tab.goto(link)
    await visit.check(tab, "consent-question")
    token = parse_qs(urlsplit(link).query)["token"][0]
    pupil = j.family.pupil_id
    overview = f"{platform.config.url('portal')}/ouders/kind/{pupil}?token={token}&taal=ar"
    await tab.goto(overview)
    await visit.check(tab, "mijn-kind")
    await tab.goto(link)
    await _answer_yes(tab)  # confirmed a moment ago: the answer counts at once
    answered = await j.wait(
        "ConsentAnswered", request_id=asked.data["request_id"], party_id=parent.guardian_id
    )
    await visit.check(tab, "consent-answered")
    await tab.goto(overview)
    async with tab.expect_download() as waiting:
        await tab.locator("a[download]").click()
    downloaded = await (await waiting.value).path()
    archive = zipfile.ZipFile(io.BytesIO(await anyio.Path(downloaded).read_bytes()))

    consent = json.loads(archive.read("consent.json"))
    mine = [
        row
        for row in consent["holdings"]["consent_evidence"]
        if row["party_id"] == str(parent.guardian_id)
        and row["request_id"] == str(asked.data["request_id"])
    ]
    assert answered and [row["act"] for row in mine] == ["agree"]
    assert visit.found == {name: [] for name in visit.found}, visit.found


async def test_a_wrong_code_three_times_locks_the_action_and_the_lock_is_in_the_audit_log(
    offered: Offered, arabic: BrowserContext
) -> None:
    j, asked = offered.journey, offered.asked
    by_sms = _by_sms(j)
    parent: Parent = next(p for p in j.family.parents if p != by_sms)
    link = _consent_link((await j.mail(asked, parent)).links())
    tab, visit = await arabic.new_page(), Visit()

    await tab.goto(link)  # to the code page first: the question shows the OPP's words
    await tab.goto(_in_arabic(tab.url))
    challenge = await _ask_code(tab, visit)
    code = await j.inbox.step_up_code(challenge)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(3):
        await tab.fill("#code", wrong)
        async with tab.expect_navigation(timeout=SLOW):
            await tab.get_by_role("button").click()
    await visit.check(tab, "step-up-locked")
    (locked,) = await j.watch.wait(
        "StepUpLocked",
        lambda s: s.data.get("challenge_id") == str(challenge),
        within=j.options.within,
    )
    audit = j.desk.at("audit", Badge.inspectie(j.plan.tenant))

    async def in_the_log() -> bool:
        proof = await audit.get("/audit/proofs/inclusion", params={"event_id": locked.id})
        return proof.status_code == 200

    assert LOCKED in await tab.content()
    assert locked.data["guardian_id"] == str(parent.guardian_id)
    assert await until(in_the_log, what="the lock in the audit log", within=60)
    assert visit.found == {name: [] for name in visit.found}, visit.found
