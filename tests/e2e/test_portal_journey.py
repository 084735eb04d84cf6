"""The staff workspace on the whole platform: every service (the portal among them) as
separate processes over real Kafka, PostgreSQL, SMTP and HTTP, after the parents'
journey (`samen_cli.journey`) has run for one pupil.

The intern begeleider's session is started in the portal's own database with a staff
token from the platform's development key, as the sign-in does after Keycloak's
redirect (the Keycloak round trip is tests/browser/test_portal_sign_in.py). Then: the
pupil page shows what the journey did, from every owning service; the worklist shows
the parents' consent conflict; asking consent from the portal goes to the consent
service as the IB, and the open pupil page hears of it live; the view of the file
reaches the audit log.
"""

from __future__ import annotations

import asyncio
import base64
import json
import secrets
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta

import httpx
import pytest
from itsdangerous import TimestampSigner
from samen_cli.demo_region import StaffRole
from samen_cli.journey.context import Journey
from samen_cli.platform import Platform, PlatformConfig
from samen_kit.db import create_engine, session_factory
from samen_kit.testing.waiting import wait_for
from samen_portal.adapters.sessions import SessionStore
from samen_portal.bootstrap import SESSION_COOKIE
from sqlalchemy import text

from tests.e2e.conftest import walked_region

pytestmark = pytest.mark.e2e

PUPILS_PER_SCHOOL = 6
SECRET = secrets.token_urlsafe(32)


@pytest.fixture(scope="module")
def platform_config(platform_config: PlatformConfig) -> PlatformConfig:
    """The e2e platform, with a session secret this test knows (to sign the cookie)."""
    # The platform's one guardian and session secret (ADR 0014), which every service reads
    # under its own name: set through an environment variable only some would read it.
    return replace(platform_config, session_secret=SECRET)


@pytest.fixture(scope="module")
async def walked(platform: Platform) -> AsyncIterator[Journey]:
    async with walked_region(platform, PUPILS_PER_SCHOOL) as j:
        yield j


@pytest.fixture(scope="module")
async def ib_browser(platform: Platform, walked: Journey) -> AsyncIterator[httpx.AsyncClient]:
    """The family school's IB, signed in to the portal."""
    token = walked.desk.token(walked.badge(StaffRole.IB))
    engine = create_engine(platform.config.database_url("portal"))
    try:
        store = SessionStore(session_factory(engine))
        now = walked.site.now()
        sid = await store.start(
            tenant=walked.plan.region.tenant,
            subject=str(walked.person(StaffRole.IB)),
            access_token=token,
            refresh_token=None,
            id_token=None,
            now=now,
            expires_at=now + timedelta(hours=1),
        )
    finally:
        await engine.dispose()
    payload = base64.b64encode(json.dumps({"sid": sid}).encode())
    cookie = TimestampSigner(SECRET).sign(payload).decode()
    async with httpx.AsyncClient(
        base_url=platform.config.url("portal"), cookies={SESSION_COOKIE: cookie}, timeout=20
    ) as client:
        yield client


async def _portal_sql(platform: Platform, statement: str, **params: object) -> list[object]:
    engine = create_engine(platform.config.database_url("portal"))
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(text(statement), params)).all())
    finally:
        await engine.dispose()


async def test_the_pupil_page_shows_the_journey_from_every_owner(
    platform: Platform, walked: Journey, ib_browser: httpx.AsyncClient
) -> None:
    pupil = walked.family.pupil_id

    async def projected() -> bool:
        rows = await _portal_sql(
            platform,
            "SELECT count(DISTINCT source) FROM portal_fact WHERE pupil_id = :p",
            p=pupil,
        )
        return bool(rows[0][0] >= 5)  # type: ignore[index]

    await wait_for(projected, within=60)
    page = await ib_browser.get(f"/leerlingen/{pupil}")
    assert page.status_code == 200
    for area in (
        "Toestemming",
        "Gesprekken en verslagen",
        "Ontwikkelingsperspectief (OPP)",
        "Geschillen",
        "Berichten aan ouders",
    ):
        assert area in page.text, area
    assert "Geboortedatum" in page.text  # read from the consent service as the IB
    viewed = await walked.wait("PupilFileViewed")
    assert viewed[0].envelope.actor == f"ib:{walked.person(StaffRole.IB)}"


async def test_the_worklist_shows_the_parents_consent_conflict(
    walked: Journey, ib_browser: httpx.AsyncClient
) -> None:
    worklist = await ib_browser.get("/te-doen")
    assert worklist.status_code == 200
    assert "Ouders zijn het niet eens over toestemming" in worklist.text
    assert f"/leerlingen/{walked.family.pupil_id}" in worklist.text


async def test_asking_consent_in_the_portal_reaches_the_consent_service_and_the_open_page(
    walked: Journey, ib_browser: httpx.AsyncClient
) -> None:
    pupil = walked.family.pupil_id
    page = await ib_browser.get(f"/leerlingen/{pupil}")
    csrf = page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    purposes = page.text.split('id="doel"', 1)[1].split("</select>", 1)[0]
    offered = [part.split('"', 1)[0] for part in purposes.split('<option value="')[1:]]
    purpose = next(p for p in offered if p not in set(walked.trail.requests))

    async def first_change() -> str:
        async with ib_browser.stream("GET", f"/leerlingen/{pupil}/live") as stream:
            async for line in stream.aiter_lines():
                if line.startswith("event:"):
                    return line
        return ""

    listening = asyncio.create_task(first_change())
    await asyncio.sleep(0.5)
    asked = await ib_browser.post(
        f"/leerlingen/{pupil}/toestemming", data={"csrf": csrf, "purpose": purpose}
    )
    assert asked.status_code == 303, asked.text
    seen = await walked.wait("ConsentRequested", purpose=purpose)
    assert seen[0].envelope.actor == f"ib:{walked.person(StaffRole.IB)}"
    assert await asyncio.wait_for(listening, timeout=30) == "event: changed"
