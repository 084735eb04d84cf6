"""One guardian session for every item about the guardian's children (ADR 0017), on the
whole platform: a parent signs in by one consent link (the code page exchanges it for
the session and sends the code), and with that one session opens Mijn kind, then the
meeting record and the OPP of the same child from Mijn kind's links, each on its own
service, with no link of their own. Another child's OPP in the same school stays hidden
(404, counted as refused), and a session of another tenant opens none of it."""

from __future__ import annotations

import re
import secrets
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from uuid import UUID, uuid4

import httpx
import pytest
from samen_cli.demo_region import StaffRole
from samen_cli.journey.context import Journey, JourneyOptions
from samen_cli.journey.steps_consent import ask_consent, consent_given, messages_arrive
from samen_cli.journey.steps_meeting import invitations_arrive, mdo_recorded, plan_mdo
from samen_cli.journey.steps_plans import opp_offered
from samen_cli.journey.story import journey
from samen_cli.platform import Platform, PlatformConfig
from samen_kit.access import GuardianItem, GuardianSession, GuardianSessionCodec
from samen_kit.access.devkeys import dev_guardian_key
from samen_kit.access.guardian import mint_guardian_token
from samen_kit.db import create_engine
from sqlalchemy import text

from tests.e2e.conftest import e2e_tenant, region_of_its_own

pytestmark = pytest.mark.e2e

SECRET = secrets.token_urlsafe(32)
STEP_UP = "/ouders/bevestigen"


@pytest.fixture(scope="module")
def platform_config(platform_config: PlatformConfig) -> PlatformConfig:
    """The e2e platform with a session secret this test knows (for the other tenant's
    session: the sign-in of the parent under test goes through the code page)."""
    return replace(platform_config, session_secret=SECRET)


@pytest.fixture(scope="module")
async def walked(platform: Platform) -> AsyncIterator[Journey]:
    """The journey up to the OPP offered: a consent request, a meeting record, an OPP."""
    site, plan = await region_of_its_own(platform, pupils_per_school=6)
    options = JourneyOptions(expect_sms=True, meeting_lead=timedelta(seconds=6))
    async with journey(site, plan, options) as j:
        await consent_given(j, await messages_arrive(j, await ask_consent(j)))
        for step in (plan_mdo, invitations_arrive, mdo_recorded, opp_offered):
            await step(j)
        yield j


def _consent_request(j: Journey) -> UUID:
    return next(iter(j.trail.requests.values()))


async def _signed_in(
    platform: Platform, j: Journey, browser: httpx.AsyncClient, parent: int
) -> None:
    """The parent follows a fresh consent link (as notifications mints one for an
    e-mail), asks for the code and types it: the code page exchanges the link for the
    guardian session and sets the step-up proof."""
    token = mint_guardian_token(
        dev_guardian_key(platform.config.keys_dir),
        guardian_id=j.family.parents[parent].guardian_id,
        pupil_id=j.family.pupil_id,
        item=GuardianItem.of("consent_request", _consent_request(j)),
        tenant=j.plan.tenant,
        now=j.site.now(),
    )
    back = f"{platform.config.url('consent')}/ouders/toestemming/{_consent_request(j)}"
    code_page = f"{platform.config.url('notifications')}{STEP_UP}"
    asked = await browser.post(f"{code_page}/code", data={"token": token, "terug": back})
    assert asked.status_code == 200, asked.text
    found = re.search(r'name="challenge" value="([0-9a-f-]{36})"', asked.text)
    assert found is not None
    challenge = found.group(1)
    code = await j.inbox.step_up_code(UUID(challenge))
    typed = await browser.post(
        code_page, data={"challenge": challenge, "code": code, "terug": back}
    )
    assert typed.status_code == 303, typed.text


async def _refusals(platform: Platform, service: str, tenant: str) -> int:
    engine = create_engine(platform.config.database_url(service))
    try:
        async with engine.connect() as conn:
            statement = text(
                "SELECT coalesce(sum(count), 0) FROM access_refusal_count WHERE tenant = :t"
            )
            return int((await conn.execute(statement, {"t": tenant})).scalar_one())
    finally:
        await engine.dispose()


async def test_one_consent_link_signs_a_parent_in_for_the_record_and_the_opp_of_their_child(
    platform: Platform, walked: Journey
) -> None:
    j = walked
    assert j.trail.record_id is not None and j.trail.opp_id is not None
    kind = f"{platform.config.url('portal')}/ouders/kind/{j.family.pupil_id}"
    async with httpx.AsyncClient(timeout=30) as browser:
        await _signed_in(platform, j, browser, parent=0)
        overview = await browser.get(kind, params={"taal": "nl"})
        links = re.findall(r'href="([^"]+)"', overview.text)
        record = next(u for u in links if f"/ouders/verslagen/{j.trail.record_id}" in u)
        opp = next(u for u in links if f"/ouders/opp/{j.trail.opp_id}" in u)
        record_page = await browser.get(record.replace("&amp;", "&"))
        opp_page = await browser.get(opp.replace("&amp;", "&"))

    assert overview.status_code == 200, overview.text
    assert "token=" not in record + opp  # no link of their own: the session opens them
    assert record_page.status_code == 200, record_page.text
    assert opp_page.status_code == 200, opp_page.text
    assert "AVI-niveau E5" in opp_page.text  # the OPP itself, not the code page


async def test_the_session_opens_no_other_childs_opp_in_the_same_school(
    platform: Platform, walked: Journey
) -> None:
    j = walked
    other = next(
        row.pupil_id for row in j.plan.rows(j.family.school) if row.pupil_id != j.family.pupil_id
    )
    ib = j.badge(StaffRole.IB)
    body = {
        "opp_id": str(uuid4()),
        "pupil_id": str(other),
        "support_started_on": j.site.today().isoformat(),
    }
    other_opp = (await j.desk.json("plans", ib, "POST", "/opps", json=body))["opp_id"]
    plans = platform.config.url("plans")
    before = await _refusals(platform, "plans", j.plan.tenant)
    async with httpx.AsyncClient(timeout=30) as browser:
        await _signed_in(platform, j, browser, parent=1)
        own = await browser.get(f"{plans}/ouders/opp/{j.trail.opp_id}")
        refused = await browser.get(f"{plans}/ouders/opp/{other_opp}")
        their_kind = await browser.get(f"{platform.config.url('portal')}/ouders/kind/{other}")

    assert own.status_code == 200
    assert refused.status_code == 404 and "AVI-niveau" not in refused.text
    assert their_kind.status_code == 403
    assert await _refusals(platform, "plans", j.plan.tenant) == before + 1


async def test_a_session_of_another_tenant_opens_none_of_this_tenants_items(
    platform: Platform, walked: Journey
) -> None:
    j = walked
    parent = j.family.parents[0]
    elsewhere = GuardianSession(
        guardian_id=parent.guardian_id,  # the same ids, in another samenwerkingsverband
        pupil_id=j.family.pupil_id,
        item=GuardianItem.of("consent_request", _consent_request(j)),
        tenant=e2e_tenant(),
        jti=str(uuid4()),
        expires_at=j.site.now() + timedelta(hours=1),
    )
    codec = GuardianSessionCodec(SECRET, secure=False)
    cookies = {codec.cookie_name: codec.encode(elsewhere)}
    async with httpx.AsyncClient(timeout=30, cookies=cookies) as browser:
        record = await browser.get(
            f"{platform.config.url('meetings')}/ouders/verslagen/{j.trail.record_id}"
        )
        opp = await browser.get(f"{platform.config.url('plans')}/ouders/opp/{j.trail.opp_id}")

    assert (record.status_code, opp.status_code) == (404, 404)
