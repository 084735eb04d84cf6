"""The platform as `samen up` runs it with Keycloak: every service as a process takes the
realm's tokens (its JWKS URL and issuer in their settings), the demo region loads through
tokens signed in at Keycloak, and a token signed with the development key is refused."""

from __future__ import annotations

import dataclasses

import pytest
from samen_cli.demo_region import StaffRole, staff_member
from samen_cli.journey.loading import load_region, region_plan
from samen_cli.journey.polling import JourneyError
from samen_cli.journey.staff import Badge, StaffDesk
from samen_cli.platform import Platform
from samen_contract.topics import SERVICES
from samen_kit.localinfra.keycloak import KeycloakServer

pytestmark = pytest.mark.e2e

PUPILS_PER_SCHOOL = 4


def test_every_service_reads_staff_keys_from_the_realm(
    keycloak_platform: Platform, keycloak: KeycloakServer
) -> None:
    for service in SERVICES:
        env = keycloak_platform.config.service_env(service)
        assert env["SAMEN_STAFF_JWKS"] == keycloak.jwks_url
        assert env["SAMEN_STAFF_ISSUER"] == keycloak.issuer


async def test_the_demo_region_loads_with_tokens_from_keycloak(keycloak_platform: Platform) -> None:
    site = keycloak_platform.config.site()
    plan = region_plan(site.state_dir, site.today(), pupils_per_school=PUPILS_PER_SCHOOL)

    loaded = await load_region(site, plan)

    assert (loaded.pupils, loaded.problems) == (3 * PUPILS_PER_SCHOOL, 0)
    assert loaded.imported + loaded.unchanged == 3 * PUPILS_PER_SCHOOL


async def test_a_token_signed_with_the_development_key_is_refused(
    keycloak_platform: Platform,
) -> None:
    site = dataclasses.replace(keycloak_platform.config.site(), keycloak_url=None)
    plan = region_plan(site.state_dir, site.today(), pupils_per_school=PUPILS_PER_SCHOOL)
    admin = Badge.of(staff_member(plan.region, StaffRole.SWV_ADMIN))

    async with StaffDesk(site, plan.region) as desk:
        with pytest.raises(JourneyError, match="401"):
            await desk.call("consent", admin, "POST", "/v1/roster", json={"rows": []})
