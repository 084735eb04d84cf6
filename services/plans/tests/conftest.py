"""Fixtures of the plans integration tests: one running service per test session
(each test uses its own random tenant), a roster publisher and a tap on the topic."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from samen_kit.clock import FakeClock
from samen_kit.testing.keys import Keys
from samen_plans.settings import PlansSettings

from services.plans.tests.plans_harness import (
    Roster,
    Running,
    Tap,
    make_settings,
    roster,
    running,
    tap,
)


@pytest.fixture(scope="session")
def plans_database(make_session_database: Callable[[str], str]) -> str:
    """One database for the session's service (tests keep apart by tenant)."""
    return make_session_database("plans")


@pytest.fixture(scope="session")
def plans_keys() -> Keys:
    return Keys()


@pytest.fixture(scope="session")
def plans_settings_for(
    kafka_bootstrap: str,
    topic_prefix: str,
    plans_keys: Keys,
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., PlansSettings]:
    def make(database_url: str, **overrides: object) -> PlansSettings:
        folder: Path = tmp_path_factory.mktemp("keys")
        return make_settings(
            database_url=database_url,
            kafka_bootstrap=kafka_bootstrap,
            topic_prefix=topic_prefix,
            keys_folder=folder,
            keys=plans_keys,
            **overrides,
        )

    return make


@pytest.fixture(scope="session")
async def plans(
    plans_database: str,
    plans_settings_for: Callable[..., PlansSettings],
    plans_keys: Keys,
) -> AsyncIterator[Running]:
    settings = plans_settings_for(plans_database)
    async with running(settings, plans_keys, FakeClock()) as service:
        yield service


@pytest.fixture(scope="session")
async def consent_roster(
    plans: Running, kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[Roster]:
    async with roster(kafka_bootstrap, topic_prefix) as publisher:
        publisher.clock = plans.clock
        yield publisher


@pytest.fixture(scope="session")
async def plans_tap(plans: Running, kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Tap]:
    async with tap(kafka_bootstrap, topic_prefix) as collected:
        yield collected
