"""Staff sign in with a real Keycloak, and a running service accepts its tokens.

Keycloak comes from the session fixture `keycloak` (samen_kit.testing.keycloak): the
team's local one, started by the launcher when it does not run. The service is the plans
service over real HTTP with real Kafka and PostgreSQL, its staff keys read from
Keycloak's JWKS URL and its issuer set to the realm.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import httpx
import pytest
from samen_kit.access import HttpJwks, Role, StaffPrincipal, StaffTokenVerifier
from samen_kit.access.refusals import AccessRefusedError, RefusalReason
from samen_kit.clock import FakeClock
from samen_kit.localinfra.demo_accounts import TENANT, demo_account, demo_schools
from samen_kit.localinfra.keycloak import KeycloakServer
from samen_kit.testing.keycloak import SignInRefused, staff_token
from samen_kit.testing.keys import Keys, bearer
from samen_kit.testing.names import new_prefix
from samen_kit.testing.waiting import wait_for

from services.plans.tests.plans_harness import (
    Pupil,
    Roster,
    Running,
    make_settings,
    pupil_known,
    roster,
    running,
)

pytestmark = pytest.mark.integration

DE_LINDE, HET_KOMPAS, _ = demo_schools()


async def verified(keycloak: KeycloakServer, token: str) -> StaffPrincipal:
    async with httpx.AsyncClient() as client:
        verifier = StaffTokenVerifier(HttpJwks(keycloak.jwks_url, client), issuer=keycloak.issuer)
        return await verifier.verify(token)


async def test_a_demo_ib_signs_in_and_the_token_verifies_against_keycloaks_jwks(
    keycloak: KeycloakServer,
) -> None:
    account = demo_account("ib.brede-school-de-linde")
    principal = await verified(keycloak, await staff_token(account.username, url=keycloak.url))

    assert principal.subject == account.user_id
    assert principal.role is Role.IB
    assert principal.tenant == TENANT
    assert principal.schools == {DE_LINDE.school_id}
    assert principal.boards == {DE_LINDE.board_id}
    assert principal.groups == frozenset()


async def test_a_teachers_token_names_the_group_they_teach(keycloak: KeycloakServer) -> None:
    token = await staff_token("teacher.obs-het-kompas", url=keycloak.url)
    principal = await verified(keycloak, token)

    assert principal.role is Role.TEACHER
    assert principal.schools == {HET_KOMPAS.school_id}
    assert principal.groups == {"6b"}


async def test_tenant_wide_roles_sign_in_without_school_lists(keycloak: KeycloakServer) -> None:
    principal = await verified(keycloak, await staff_token("swv_staff", url=keycloak.url))

    assert principal.role is Role.SWV_STAFF
    assert principal.sees_whole_tenant
    assert principal.schools == frozenset()


async def test_a_wrong_password_is_refused_by_keycloak(keycloak: KeycloakServer) -> None:
    with pytest.raises(SignInRefused) as refused:
        await staff_token("ib.brede-school-de-linde", "not-the-password", url=keycloak.url)
    assert refused.value.status == 401
    assert refused.value.error == "invalid_grant"


async def test_a_keycloak_token_for_another_issuer_is_refused(keycloak: KeycloakServer) -> None:
    token = await staff_token("director.sbo-de-brug", url=keycloak.url)
    async with httpx.AsyncClient() as client:
        verifier = StaffTokenVerifier(HttpJwks(keycloak.jwks_url, client), issuer="urn:other")
        with pytest.raises(AccessRefusedError) as refused:
            await verifier.verify(token)
    assert refused.value.reason is RefusalReason.WRONG_ISSUER


# --- a running service takes Keycloak's tokens -------------------------------------------


@pytest.fixture(scope="module")
def kc_topics(topic_prefix: str) -> str:
    """A prefix for this module's service: on the session's prefix it would join the plans
    suite's consumer group and get only some of the partitions its roster events arrive on."""
    return new_prefix(topic_prefix, "kc")


@pytest.fixture(scope="module")
async def plans_on_keycloak(
    keycloak: KeycloakServer,
    make_session_database: Callable[[str], str],
    kafka_bootstrap: str,
    kc_topics: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Running]:
    """The plans service whose staff keys are Keycloak's published keys.

    On topics of its own (`kc_topics`)."""
    keys = Keys()  # the guardian side and the harness need keys; staff ones go unused
    settings = make_settings(
        database_url=make_session_database("plans_kc"),
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=kc_topics,
        keys_folder=Path(tmp_path_factory.mktemp("keys")),
        keys=keys,
        staff_jwks=keycloak.jwks_url,
        staff_issuer=keycloak.issuer,
    )
    # Keycloak stamps tokens with the real time: the service's clock must agree.
    async with running(settings, keys, FakeClock(datetime.now(UTC))) as service:
        yield service


@pytest.fixture(scope="module")
async def kc_roster(
    plans_on_keycloak: Running, kafka_bootstrap: str, kc_topics: str
) -> AsyncIterator[Roster]:
    async with roster(kafka_bootstrap, kc_topics) as publisher:
        publisher.clock = plans_on_keycloak.clock
        yield publisher


async def demo_pupil_at(plans: Running, publisher: Roster, school_id: str, board: str) -> Pupil:
    pupil = await publisher.enrol(TENANT, school_id=UUID(school_id), board=board)
    await wait_for(lambda: pupil_known(plans, pupil))
    return pupil


async def test_the_service_takes_a_keycloak_token_for_the_pupils_school_and_no_other(
    keycloak: KeycloakServer, plans_on_keycloak: Running, kc_roster: Roster
) -> None:
    pupil = await demo_pupil_at(plans_on_keycloak, kc_roster, DE_LINDE.school_id, DE_LINDE.board)
    path = f"/pupils/{pupil.pupil_id}/groeidocument"
    own_school = bearer(await staff_token("ib.brede-school-de-linde", url=keycloak.url))
    other_school = bearer(await staff_token("ib.obs-het-kompas", url=keycloak.url))

    async with httpx.AsyncClient(base_url=plans_on_keycloak.base_url) as client:
        seen = await client.get(path, headers=own_school)
        refused = await client.get(path, headers=other_school)

    assert seen.status_code == 200, seen.text
    assert seen.json() == {"items": []}
    # Another school's staff learn not even that the pupil exists (the service's rule).
    assert refused.status_code == 404, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")


async def test_the_service_refuses_a_token_keycloak_did_not_sign(
    plans_on_keycloak: Running, kc_roster: Roster
) -> None:
    """The development key path is off once the service reads Keycloak's keys."""
    pupil = await demo_pupil_at(plans_on_keycloak, kc_roster, DE_LINDE.school_id, DE_LINDE.board)
    forged = plans_on_keycloak.staff_token(TENANT, Role.IB, schools=(pupil.school_id,))

    async with httpx.AsyncClient(base_url=plans_on_keycloak.base_url) as client:
        response = await client.get(f"/pupils/{pupil.pupil_id}/groeidocument", headers=forged)

    assert response.status_code == 401, response.text
