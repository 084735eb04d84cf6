"""A staff session ends on its own: after its length (the setting `session_hours`) the
same cookie opens nothing any more and the browser is sent to sign in again. Over real
HTTP and PostgreSQL, with the portal's clock moved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from uuid import uuid4

import pytest
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.service import RunningService
from samen_portal.bootstrap import PortalService

from services.portal.tests.portal_harness import sign_in

pytestmark = pytest.mark.integration

Portal = RunningService[PortalService]


@pytest.fixture
def clock_put_back(portal: Portal) -> Iterator[None]:
    before = portal.clock.current
    yield
    portal.clock.current = before


async def test_a_session_past_its_length_is_over_and_sends_the_browser_to_sign_in(
    portal: Portal, clock_put_back: None
) -> None:
    ib = await sign_in(portal, new_tenant(), Role.IB, schools=(uuid4(),))
    assert (await ib.client.get("/te-doen")).status_code == 200

    portal.clock.advance(timedelta(hours=8, minutes=1))
    answer = await ib.client.get("/te-doen")

    assert answer.status_code in (302, 303, 307)
    assert "/aanmelden" in answer.headers["location"]


async def test_a_session_within_its_length_stays_open(portal: Portal, clock_put_back: None) -> None:
    ib = await sign_in(portal, new_tenant(), Role.IB, schools=(uuid4(),))
    portal.clock.advance(timedelta(minutes=50))
    assert (await ib.client.get("/te-doen")).status_code == 200
