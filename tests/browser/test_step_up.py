"""The step-up in Chromium: a guardian reading Arabic follows a link, asks for a code,
reads it from the SMS simulator, types it and is sent back confirmed; axe-core finds no
WCAG 2.1 AA violation on the code form; three wrong codes lock the action and the lock
goes on the bus for the audit log."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.async_api import Page
from samen_kit.access import GuardianItem
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import Running, service_starter
from tests.browser.axe import AXE, RUN_AXE, WCAG_21_AA, chromium

pytestmark = pytest.mark.e2e

MOBILE = "+31612345678"


@pytest.fixture
async def running(
    kafka_bootstrap: str, topic_prefix: str, make_database: Callable[[str], str], tmp_path: Path
) -> AsyncIterator[Running]:
    async with service_starter(kafka_bootstrap, topic_prefix, make_database, tmp_path)() as run:
        yield run


@pytest.fixture
async def tab() -> AsyncIterator[Page]:
    async with chromium(viewport={"width": 390, "height": 844}) as context:
        yield await context.new_page()


async def _link_for_a_guardian_reading_arabic(running: Running, tenant: str) -> tuple[str, str]:
    pupil, guardian = uuid.uuid4(), uuid.uuid4()
    row = {"guardian_id": str(guardian), "mobile": MOBILE, "language": "ar"}
    await running.import_roster(
        tenant, uuid.uuid4(), [{"line": 1, "pupil_id": str(pupil), "guardians": [row]}]
    )
    token = running.guardian_token(tenant, guardian, pupil, GuardianItem.of("contact", guardian))
    back = f"{running.base_url}/ouders/contact?token={token}"
    query = urlencode({"terug": back, "token": token, "taal": "ar"})
    return f"{running.base_url}/ouders/bevestigen?{query}", back


async def _ask_code(running: Running, tab: Page, url: str) -> str:
    await tab.goto(url)
    assert await tab.evaluate("document.documentElement.dir") == "rtl"
    await tab.get_by_role("button").click()
    await tab.wait_for_selector("#code")
    (text,) = await wait_for(running.texts)
    found = re.search(r"\b(\d{6})\b", str(text["body"]))
    assert found is not None
    return found.group(1)


async def test_a_guardian_reading_arabic_confirms_with_the_code_from_the_sms(
    running: Running, tab: Page
) -> None:
    url, back = await _link_for_a_guardian_reading_arabic(running, new_tenant())
    code = await _ask_code(running, tab, url)

    await tab.evaluate(AXE.read_text("utf-8"))
    violations = await tab.evaluate(RUN_AXE, WCAG_21_AA)
    await tab.fill("#code", code)
    await tab.get_by_role("button").click()
    await tab.wait_for_url(back)

    assert violations == []
    assert tab.url == back


async def test_a_wrong_code_three_times_locks_the_action_and_reaches_the_audit_log(
    running: Running, tab: Page
) -> None:
    tenant = new_tenant()
    url, _ = await _link_for_a_guardian_reading_arabic(running, tenant)
    code = await _ask_code(running, tab, url)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"

    for _ in range(3):
        await tab.fill("#code", wrong)
        await tab.get_by_role("button").click()
        await tab.wait_for_load_state()
    (locked,) = await wait_for(lambda: running.bus(tenant, "StepUpLocked"))

    assert "رمز خاطئ مرات كثيرة" in await tab.content()
    assert locked[1]["attempts"] == 3
