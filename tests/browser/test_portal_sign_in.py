"""Signing in to the staff workspace through Keycloak in Chromium (authorization code with
PKCE, the realm `samen` and its demo accounts): an intern begeleider lands on *Te doen*,
finds a pupil of their school and opens the file; a teacher is refused a pupil of
another group; signing out ends the session at Keycloak too. Keycloak is the team's
local one (`samen_kit.testing.keycloak`), the portal runs on the test's Kafka and
PostgreSQL, Chromium is Debian's."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date
from uuid import UUID, uuid4

import pytest
from playwright.async_api import BrowserContext, Page
from samen_contract.events.consent import PupilEnrolled
from samen_kit.clock import SystemClock
from samen_kit.localinfra.demo_accounts import TENANT, demo_account
from samen_kit.localinfra.keycloak import KeycloakServer
from samen_kit.localinfra.realm import DEV_PASSWORD
from samen_kit.testing.keys import Keys
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.schema import upgrade_to
from samen_kit.testing.server import serve
from samen_kit.testing.service import service_settings
from samen_kit.testing.waiting import wait_for
from samen_portal.bootstrap import MIGRATIONS, PortalService, build_service
from samen_portal.settings import PortalSettings
from sqlalchemy import text

from services.portal.tests.portal_harness import own_prefix, publisher
from tests.browser.axe import chromium

pytestmark = pytest.mark.e2e

IB = "ib.brede-school-de-linde"
TEACHER = "teacher.brede-school-de-linde"


class Portal:
    def __init__(self, service: PortalService, base_url: str) -> None:
        self.service, self.base_url = service, base_url

    async def knows(self, pupil: UUID) -> bool:
        async with self.service.runtime.sessions() as session:
            rows = await session.execute(
                text("SELECT 1 FROM portal_pupil WHERE pupil_id = :p"), {"p": pupil}
            )
            return rows.first() is not None


@pytest.fixture(scope="module")
async def portal(
    keycloak: KeycloakServer,
    make_session_database: Callable[[str], str],
    kafka_bootstrap: str,
    topic_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Portal]:
    settings = service_settings(
        PortalSettings,
        database_url=make_session_database("portal_oidc"),
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=own_prefix(topic_prefix, "oidc"),
        keys_folder=tmp_path_factory.mktemp("keys"),
        keys=Keys(),
        staff_jwks=keycloak.jwks_url,
        staff_issuer=keycloak.issuer,
        oidc_issuer=keycloak.issuer,
        consent_base_url="http://127.0.0.1:9",
    )
    await upgrade_to(settings.database_url, MIGRATIONS)
    service = build_service(settings, clock=SystemClock())
    async with serve(service.app) as base_url:
        yield Portal(service, base_url)


@pytest.fixture(scope="module")
async def facts(
    portal: Portal, kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[RosterPublisher]:
    async with publisher(kafka_bootstrap, own_prefix(topic_prefix, "oidc")) as found:
        yield found


@pytest.fixture
async def context() -> AsyncIterator[BrowserContext]:
    async with chromium() as context:
        yield context


async def enrol(facts: RosterPublisher, group: str) -> UUID:
    account = demo_account(IB)
    school = UUID(account.schools[0])
    pupil = uuid4()
    event = PupilEnrolled(
        pupil_id=pupil, school_id=school, enrolled_on=date(2025, 8, 18), group=group
    )
    await facts.publish(event, tenant=TENANT, subject=pupil, board=account.boards[0], school=school)
    return pupil


async def sign_in(tab: Page, portal: Portal, username: str) -> None:
    await tab.goto(f"{portal.base_url}/te-doen")
    await tab.wait_for_url("**/realms/samen/protocol/openid-connect/auth**")
    await tab.fill("#username", username)
    await tab.fill("#password", DEV_PASSWORD)
    await tab.click("#kc-login")
    await tab.wait_for_url(f"{portal.base_url}/te-doen")


async def test_an_intern_begeleider_signs_in_opens_a_pupil_and_signs_out(
    portal: Portal, facts: RosterPublisher, context: BrowserContext
) -> None:
    pupil = await enrol(facts, "5a")
    await wait_for(lambda: portal.knows(pupil))
    tab = await context.new_page()
    await sign_in(tab, portal, IB)
    assert await tab.locator("h1").text_content() == "Te doen"
    cookie = next(c for c in await context.cookies() if c["name"] == "samen_portal")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"

    await tab.goto(f"{portal.base_url}/leerlingen?zoek={str(pupil)[:8]}")
    await tab.click(f"a[href='/leerlingen/{pupil}']")
    await tab.wait_for_url(f"**/leerlingen/{pupil}")
    assert "Leerling" in (await tab.locator("h1").text_content() or "")

    await tab.click("text=Afmelden")
    await tab.wait_for_url(f"{portal.base_url}/afgemeld")
    await tab.goto(f"{portal.base_url}/te-doen")  # signed out here and at Keycloak
    await tab.wait_for_url("**/realms/samen/protocol/openid-connect/auth**")


async def test_a_teacher_is_refused_a_pupil_of_another_group(
    portal: Portal, facts: RosterPublisher, context: BrowserContext
) -> None:
    own, other = await enrol(facts, "5a"), await enrol(facts, "6b")
    await wait_for(lambda: portal.knows(own))
    await wait_for(lambda: portal.knows(other))
    tab = await context.new_page()
    await sign_in(tab, portal, TEACHER)
    seen = await tab.goto(f"{portal.base_url}/leerlingen/{own}")
    assert seen is not None and seen.status == 200
    refused = await tab.goto(f"{portal.base_url}/leerlingen/{other}")
    assert refused is not None and refused.status == 403
    assert await tab.locator("h1").text_content() == "Geen toegang"
