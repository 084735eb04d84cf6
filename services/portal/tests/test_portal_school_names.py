"""Pages name schools by the public name the notifications service keeps, asked with the
user's own token: the worklist, a pupil's page, the overview and the inspectie's pages.
The notifications service is played by a small HTTP server at the edge (its own route is
tested in its own suite); a school without a name, or a page without an answer, keeps
the school's short id."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated
from uuid import UUID, uuid4

import pytest
from fastapi import FastAPI, Header, Query
from samen_kit.access import Role
from samen_kit.clock import FakeClock
from samen_kit.testing.keys import Keys
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.server import serve
from samen_kit.testing.service import RunningService
from samen_kit.testing.waiting import wait_for
from samen_portal.bootstrap import SERVICES, PortalService

from services.portal.tests.portal_harness import (
    enrol,
    make_settings,
    own_prefix,
    parent_comment,
    publisher,
    running,
    sign_in,
)
from services.portal.tests.test_portal_inspectie import a_school_year
from services.portal.tests.test_portal_readmodel import fact_count

pytestmark = pytest.mark.integration

Portal = RunningService[PortalService]
NAMED = uuid4()
NAMES = {NAMED: "OBS De Linde"}
ASKED_WITH: list[str] = []


def _notifications() -> FastAPI:
    app = FastAPI()

    @app.get("/v1/schools")
    async def names(
        school_id: Annotated[list[UUID], Query()], authorization: Annotated[str, Header()]
    ) -> list[dict[str, str]]:
        ASKED_WITH.append(authorization)
        return [{"school_id": str(s), "name": NAMES[s]} for s in school_id if s in NAMES]

    return app


@pytest.fixture(scope="module")
async def named_portal(
    make_session_database: Callable[[str], str],
    kafka_bootstrap: str,
    topic_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[tuple[Portal, RosterPublisher]]:
    keys, prefix = Keys(), own_prefix(topic_prefix, "names")
    async with serve(_notifications()) as notifications:
        urls = {f"{name}_base_url": "http://127.0.0.1:9" for name in SERVICES}
        settings = make_settings(
            database_url=make_session_database("portal_names"),
            kafka_bootstrap=kafka_bootstrap,
            topic_prefix=prefix,
            keys_folder=tmp_path_factory.mktemp("keys"),
            keys=keys,
            **(urls | {"notifications_base_url": notifications}),
        )
        async with (
            running(settings, keys, FakeClock()) as portal,
            publisher(kafka_bootstrap, prefix) as facts,
        ):
            yield portal, facts


async def test_every_staff_page_names_the_school_and_keeps_the_id_of_one_without_a_name(
    named_portal: tuple[Portal, RosterPublisher],
) -> None:
    portal, facts = named_portal
    tenant, unnamed = new_tenant(), uuid4()
    pupil = await enrol(facts, tenant, NAMED, "7b")
    other = await enrol(facts, tenant, unnamed, "3a")
    for found, school in ((pupil, NAMED), (other, unnamed)):
        await facts.publish(
            parent_comment(found, school), tenant=tenant, subject=found, school=school
        )
    year = await a_school_year(facts, tenant, NAMED)  # figures for the overview's charts
    await wait_for(lambda: _kept(portal, tenant, [pupil, other]))
    await wait_for(lambda: _kept(portal, tenant, [year], 6))
    ib = await sign_in(portal, tenant, Role.IB, schools=(NAMED,))
    swv = await sign_in(portal, tenant, Role.SWV_STAFF)
    inspectie = await sign_in(portal, tenant, Role.INSPECTIE)

    worklist = (await swv.client.get("/te-doen")).text
    pupil_page = (await ib.client.get(f"/leerlingen/{pupil}")).text
    overview = (await swv.client.get("/overzicht")).text
    inspectie_page = (await inspectie.client.get(f"/inspectie/scholen/{NAMED}")).text
    evening = (await ib.client.get("/ouderavond")).text

    for page in (worklist, pupil_page, overview, inspectie_page, evening):
        assert "OBS De Linde" in page
    assert f"School {str(unnamed).split('-')[0]}" in worklist
    assert "OBS De Linde, groep 7b" in pupil_page
    assert "<h1" in inspectie_page and "Inspectie: OBS De Linde" in inspectie_page
    assert ASKED_WITH and all(a.startswith("Bearer ") for a in ASKED_WITH)


async def _kept(portal: Portal, tenant: str, pupils: list[UUID], wanted: int = 2) -> bool:
    return all([await fact_count(portal, tenant, p) >= wanted for p in pupils])
