"""Fixtures of the meetings integration tests: one running deployment per session (tests
keep apart by a random tenant), its roster publisher and a tap on its topic. Tests that
move the clock start deployments of their own (`deployment`)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from samen_kit.clock import FakeClock
from samen_kit.testing.callers import SESSION_SECRET
from samen_kit.testing.keys import Keys
from samen_kit.testing.names import new_prefix
from samen_kit.testing.roster import publisher_fixture
from samen_kit.testing.service import running_service, service_settings
from samen_meetings.bootstrap import MIGRATIONS, build
from samen_meetings.settings import MeetingsSettings

from services.meetings.tests.meetings_harness import START, Plans, Roster, Running, Tap, tap


@pytest.fixture(scope="session")
def meetings_keys() -> Keys:
    return Keys()


@pytest.fixture(scope="session")
def meetings_database_for(make_session_database: Callable[[str], str]) -> Callable[[], str]:
    """Fresh databases for deployments; dropped when the session ends."""
    return lambda: make_session_database("meetings")


@pytest.fixture(scope="session")
def meetings_prefix(topic_prefix: str) -> str:
    return new_prefix(topic_prefix)


@pytest.fixture(scope="session")
def deployment(
    kafka_bootstrap: str,
    meetings_keys: Keys,
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., contextlib.AbstractAsyncContextManager[Running]]:
    """`async with deployment(database_url, prefix, clock, **settings) as run: ...`"""

    def start(
        database_url: str, prefix: str, clock: FakeClock, **overrides: Any
    ) -> contextlib.AbstractAsyncContextManager[Running]:
        settings = service_settings(
            MeetingsSettings,
            database_url=database_url,
            kafka_bootstrap=kafka_bootstrap,
            topic_prefix=prefix,
            keys_folder=tmp_path_factory.mktemp("keys"),
            keys=meetings_keys,
            # this service reads its session settings under their `guardian_` names
            guardian_session_secret=SESSION_SECRET,
            guardian_cookie_secure=False,
            **{"due_scan_interval_seconds": 3600.0, **overrides},
        )
        return running_service(build(settings, clock=clock), MIGRATIONS, meetings_keys, clock)

    return start


@pytest.fixture(scope="session")
async def meetings(
    deployment: Callable[..., contextlib.AbstractAsyncContextManager[Running]],
    meetings_database_for: Callable[[], str],
    meetings_prefix: str,
) -> AsyncIterator[Running]:
    async with deployment(meetings_database_for(), meetings_prefix, FakeClock(START)) as run:
        yield run


consent_roster = publisher_fixture("consent_roster", Roster, prefix="meetings_prefix")
plans_facts = publisher_fixture("plans_facts", Plans, prefix="meetings_prefix")


@pytest.fixture(scope="session")
async def meetings_tap(kafka_bootstrap: str, meetings_prefix: str) -> AsyncIterator[Tap]:
    async with tap(kafka_bootstrap, meetings_prefix) as collected:
        yield collected
