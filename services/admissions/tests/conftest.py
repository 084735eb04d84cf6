"""Fixtures of the admissions integration tests: one running service per test session
(each test uses its own random tenant), a consent publisher and a tap on the topic."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from samen_admissions.settings import AdmissionsSettings
from samen_kit.clock import FakeClock
from samen_kit.testing.keys import Keys

from services.admissions.tests.admissions_harness import (
    START,
    Consent,
    Running,
    Tap,
    consent,
    make_settings,
    running,
    tap,
)


@pytest.fixture(scope="session")
def admissions_database(make_session_database: Callable[[str], str]) -> str:
    return make_session_database("admissions")


@pytest.fixture(scope="session")
def admissions_keys() -> Keys:
    return Keys()


@pytest.fixture(scope="session")
def admissions_settings_for(
    kafka_bootstrap: str,
    topic_prefix: str,
    admissions_keys: Keys,
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., AdmissionsSettings]:
    def make(database_url: str, **overrides: object) -> AdmissionsSettings:
        folder: Path = tmp_path_factory.mktemp("keys")
        return make_settings(
            database_url=database_url,
            kafka_bootstrap=kafka_bootstrap,
            topic_prefix=topic_prefix,
            keys_folder=folder,
            keys=admissions_keys,
            **overrides,
        )

    return make


@pytest.fixture(scope="session")
async def admissions(
    admissions_database: str,
    admissions_settings_for: Callable[..., AdmissionsSettings],
    admissions_keys: Keys,
) -> AsyncIterator[Running]:
    settings = admissions_settings_for(admissions_database)
    async with running(settings, admissions_keys, FakeClock(START)) as service:
        yield service


@pytest.fixture(scope="session")
async def consent_facts(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Consent]:
    async with consent(kafka_bootstrap, topic_prefix) as publisher:
        yield publisher


@pytest.fixture(scope="session")
async def admissions_tap(
    admissions: Running, kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[Tap]:
    async with tap(kafka_bootstrap, topic_prefix) as collected:
        yield collected
