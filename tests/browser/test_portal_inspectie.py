"""The inspectie's view in Chromium: the inspectie demo user signs in through Keycloak
(authorization code with PKCE, realm `samen`), lands on the samenwerkingsverband's page,
opens one school and sees its figures, downloads the audit export and the public key,
and `samen audit verify` accepts the archive offline. Both pages pass axe-core (WCAG 2.1
AA: no serious or critical violations).

Real parts throughout: the team's Keycloak, the test's Kafka and PostgreSQL, the portal,
the audit service and plans (which verify the same Keycloak tokens) on them, the facts
published as their owners would. Chromium is Debian's; axe-core comes from npm.
"""

from __future__ import annotations

import zipfile
from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from playwright.async_api import Page
from samen_archive.verbatim import exported_lines
from samen_audit.bootstrap import MIGRATIONS as AUDIT_MIGRATIONS
from samen_audit.bootstrap import build as build_audit
from samen_audit.settings import AuditSettings
from samen_cli.journey.steps_audit import ENTRIES, verify_offline
from samen_contract import Envelope
from samen_contract.events.admissions import ThuiszitterReported
from samen_contract.events.consent import PupilEnrolled
from samen_contract.events.plans import EvaluationHeld
from samen_kit.clock import SystemClock
from samen_kit.localinfra.demo_accounts import TENANT, demo_schools
from samen_kit.localinfra.keycloak import KeycloakServer
from samen_kit.localinfra.realm import DEV_PASSWORD
from samen_kit.testing.keycloak import staff_token
from samen_kit.testing.keys import Keys
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.schema import upgrade_to
from samen_kit.testing.server import serve
from samen_kit.testing.service import service_settings
from samen_kit.testing.waiting import wait_for
from samen_plans.bootstrap import MIGRATIONS as PLANS_MIGRATIONS
from samen_plans.bootstrap import build_service as build_plans
from samen_plans.settings import PlansSettings
from samen_portal.bootstrap import MIGRATIONS, build_service
from samen_portal.settings import PortalSettings
from sqlalchemy import text

from services.audit.tests.audit_harness import SIGNING_KEY, prepare, roles_admin_url
from services.portal.tests.portal_harness import own_prefix, publisher
from tests.browser.axe import axe_violations, chromium, described

pytestmark = pytest.mark.e2e

INSPECTIE = "inspectie"  # the demo account's username (samen_kit.localinfra.demo_accounts)


class Platform:
    """The portal and the audit service, both trusting the team's Keycloak."""

    def __init__(self, portal_url: str, audit_url: str, sessions: Any) -> None:
        self.portal_url, self.audit_url, self._sessions = portal_url, audit_url, sessions

    async def portal_knows(self, pupil: UUID, facts: int) -> bool:
        async with self._sessions() as session:
            rows = await session.execute(
                text("SELECT count(*) FROM portal_fact WHERE pupil_id = :p"), {"p": pupil}
            )
            return int(rows.scalar_one()) >= facts


@pytest.fixture(scope="module")
async def platform(
    keycloak: KeycloakServer,
    make_session_database: Callable[[str], str],
    postgres_server_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Platform]:
    prefix = own_prefix(topic_prefix, "inspectie")
    database = await prepare(
        make_session_database("audit_inspectie"), await roles_admin_url(postgres_server_url)
    )
    audit_settings = AuditSettings(
        database_url=database.service_url,
        owner_database_url=database.owner_url,
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=prefix,
        staff_jwks=keycloak.jwks_url,
        staff_issuer=keycloak.issuer,
        outbox_poll_ms=200,
        consumer_backoff_ms=50,
        tree_head_interval_seconds=3600,
    )
    await upgrade_to(database.owner_url, AUDIT_MIGRATIONS)
    audit = build_audit(audit_settings, signing_key=SIGNING_KEY)
    plans_settings = PlansSettings(
        database_url=make_session_database("plans_inspectie"),
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=prefix,
        staff_jwks=keycloak.jwks_url,
        staff_issuer=keycloak.issuer,
    )
    await upgrade_to(plans_settings.database_url, PLANS_MIGRATIONS)
    plans = build_plans(plans_settings)
    async with serve(audit.app) as audit_url, serve(plans.app) as plans_url:
        settings = service_settings(
            PortalSettings,
            database_url=make_session_database("portal_inspectie"),
            kafka_bootstrap=kafka_bootstrap,
            topic_prefix=prefix,
            keys_folder=tmp_path_factory.mktemp("keys"),
            keys=Keys(),
            staff_jwks=keycloak.jwks_url,
            staff_issuer=keycloak.issuer,
            oidc_issuer=keycloak.issuer,
            audit_base_url=audit_url,
            plans_base_url=plans_url,
            consent_base_url="http://127.0.0.1:9",
        )
        await upgrade_to(settings.database_url, MIGRATIONS)
        portal = build_service(settings, clock=SystemClock())
        async with serve(portal.app) as portal_url:
            yield Platform(portal_url, audit_url, portal.runtime.sessions)


@pytest.fixture(scope="module")
async def facts(
    platform: Platform, kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[RosterPublisher]:
    async with publisher(kafka_bootstrap, own_prefix(topic_prefix, "inspectie")) as found:
        yield found


@pytest.fixture(scope="module")
async def tab(axe_source: str) -> AsyncIterator[Page]:
    async with chromium(accept_downloads=True) as context:
        yield await context.new_page()


async def a_pupils_year(facts: RosterPublisher, school: UUID) -> tuple[UUID, list[Envelope]]:
    """A pupil of the demo school: an evaluation with the parents, and at home."""
    pupil = uuid4()
    events = [
        PupilEnrolled(pupil_id=pupil, school_id=school, enrolled_on=date(2025, 8, 18)),
        EvaluationHeld(
            opp_id=uuid4(),
            pupil_id=pupil,
            school_id=school,
            held_on=date.today(),
            with_parents=True,
        ),
        ThuiszitterReported(
            absence_id=uuid4(),
            pupil_id=pupil,
            school_id=school,
            home_since=date.today(),
            reported_on=date.today(),
        ),
    ]
    sent = [
        await facts.publish(event, tenant=TENANT, subject=pupil, school=school) for event in events
    ]
    return pupil, sent


async def audited(platform: Platform, token: str, envelopes: list[Envelope]) -> bool:
    async with httpx.AsyncClient(base_url=platform.audit_url) as client:
        for envelope in envelopes:
            answer = await client.get(
                "/audit/proofs/inclusion",
                params={"event_id": str(envelope.id)},
                headers={"Authorization": f"Bearer {token}"},
            )
            if answer.status_code != 200:
                return False
    return True


async def serious_violations(tab: Page, axe: str) -> list[str]:
    return described(await axe_violations(tab, axe), serious_only=True)


async def test_an_inspectie_user_signs_in_sees_one_schools_figures_and_verifies_the_export(
    platform: Platform,
    facts: RosterPublisher,
    tab: Page,
    axe_source: str,
    keycloak: KeycloakServer,
    tmp_path: Path,
) -> None:
    school = UUID(demo_schools()[0].school_id)
    pupil, envelopes = await a_pupils_year(facts, school)
    token = await staff_token(INSPECTIE, url=keycloak.url)
    await wait_for(lambda: platform.portal_knows(pupil, 3))
    await wait_for(lambda: audited(platform, token, envelopes))
    async with httpx.AsyncClient(base_url=platform.audit_url) as client:
        signed = await client.post(
            "/audit/tree-heads", headers={"Authorization": f"Bearer {token}"}
        )
    assert signed.status_code == 201
    head = signed.json()

    await tab.goto(f"{platform.portal_url}/inspectie")
    await tab.wait_for_url("**/realms/samen/protocol/openid-connect/auth**")
    await tab.fill("#username", INSPECTIE)
    await tab.fill("#password", DEV_PASSWORD)
    await tab.click("#kc-login")
    await tab.wait_for_url(f"{platform.portal_url}/inspectie")
    assert await tab.locator("h1").text_content() == "Inspectie: het samenwerkingsverband"
    assert await serious_violations(tab, axe_source) == []

    await tab.click(f"a[href='/inspectie/scholen/{school}']")
    await tab.wait_for_url(f"**/inspectie/scholen/{school}")
    figures = await tab.locator("dl.portal-facts").first.inner_text()
    assert "Evaluaties met de ouders op tijd\n100%" in figures
    assert "Thuiszitters\n1" in figures
    assert "Handelingsdelen zonder toestemming\n0" in figures  # as plans' report counts
    tree = await tab.locator("section[aria-labelledby='boomkop']").inner_text()
    assert head["root_hash"] in tree and str(head["tree_size"]) in tree
    assert await serious_violations(tab, axe_source) == []

    async with tab.expect_download() as exported:
        await tab.click("text=Export downloaden (zip)")
    archive = tmp_path / (await exported.value).suggested_filename
    await (await exported.value).save_as(archive)
    async with tab.expect_download() as key_download:
        await tab.click("text=Publieke sleutel downloaden")
    key = tmp_path / (await key_download.value).suggested_filename
    await (await key_download.value).save_as(key)
    command = await tab.locator("pre.portal-command").inner_text()
    assert command == f"samen audit verify {archive.name} --key {key.name}"

    lines = await verify_offline(archive, key)  # raises unless `samen audit verify` accepts
    assert lines, "samen audit verify said nothing"
    with zipfile.ZipFile(archive) as opened:
        exported_ids = {line.event_id for line in exported_lines(opened.read(ENTRIES))}
    assert {str(e.id) for e in envelopes} <= exported_ids  # the school's facts are in it
