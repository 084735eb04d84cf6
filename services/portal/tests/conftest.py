"""Fixtures of the portal's integration tests: one running portal per test session
(each test uses its own random tenant) and a publisher of every service's facts."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from samen_kit.clock import FakeClock
from samen_kit.testing.keys import Keys
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.service import RunningService
from samen_portal.bootstrap import SERVICES, PortalService

from services.portal.tests.portal_harness import make_settings, own_prefix, publisher, running


@pytest.fixture(scope="session")
async def portal(
    make_session_database: Callable[[str], str],
    kafka_bootstrap: str,
    topic_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[RunningService[PortalService]]:
    keys = Keys()
    settings = make_settings(
        database_url=make_session_database("portal"),
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=own_prefix(topic_prefix, "readmodel"),
        keys_folder=tmp_path_factory.mktemp("keys"),
        keys=keys,
        # No service answers here: the pages must show without the owners' details.
        **{f"{name}_base_url": "http://127.0.0.1:9" for name in SERVICES},
    )
    async with running(settings, keys, FakeClock()) as service:
        yield service


@pytest.fixture(scope="session")
async def facts(
    portal: RunningService[PortalService], kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[RosterPublisher]:
    async with publisher(kafka_bootstrap, own_prefix(topic_prefix, "readmodel")) as found:
        yield found
