"""Fixtures of the disputes integration tests: one running service per test session
(each test uses its own random tenant), a roster publisher and a tap on the topic."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from samen_disputes.bootstrap import MIGRATIONS, build_service
from samen_disputes.settings import DisputesSettings
from samen_kit.clock import FakeClock
from samen_kit.testing.keys import Keys
from samen_kit.testing.service import running_service, service_settings

from services.disputes.tests.disputes_harness import (
    Plans,
    Roster,
    Running,
    Tap,
    plans,
    roster,
    tap,
)


@pytest.fixture(scope="session")
def disputes_database(make_session_database: Callable[[str], str]) -> str:
    """One database for the session's service (tests keep apart by tenant)."""
    return make_session_database("disputes")


@pytest.fixture(scope="session")
def disputes_keys() -> Keys:
    return Keys()


@pytest.fixture(scope="session")
def disputes_settings_for(
    kafka_bootstrap: str,
    topic_prefix: str,
    disputes_keys: Keys,
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., DisputesSettings]:
    def make(database_url: str, **overrides: object) -> DisputesSettings:
        folder: Path = tmp_path_factory.mktemp("keys")
        return service_settings(
            DisputesSettings,
            database_url=database_url,
            kafka_bootstrap=kafka_bootstrap,
            topic_prefix=topic_prefix,
            keys_folder=folder,
            keys=disputes_keys,
            **{"sweep_seconds": 3600.0, **overrides},
        )

    return make


@pytest.fixture(scope="session")
async def disputes(
    disputes_database: str,
    disputes_settings_for: Callable[..., DisputesSettings],
    disputes_keys: Keys,
) -> AsyncIterator[Running]:
    settings = disputes_settings_for(disputes_database)
    clock = FakeClock()
    service = build_service(settings, clock=clock)
    async with running_service(service, MIGRATIONS, disputes_keys, clock) as run:
        yield run


@pytest.fixture(scope="session")
async def consent_roster(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Roster]:
    async with roster(kafka_bootstrap, topic_prefix) as publisher:
        yield publisher


@pytest.fixture(scope="session")
async def plans_facts(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Plans]:
    async with plans(kafka_bootstrap, topic_prefix) as publisher:
        yield publisher


@pytest.fixture(scope="session")
async def disputes_tap(
    disputes: Running, kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[Tap]:
    async with tap(kafka_bootstrap, topic_prefix) as collected:
        yield collected
