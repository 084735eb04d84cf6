"""Fixtures of the admissions integration tests: one running service per test session
(each test uses its own random tenant), a consent publisher and a tap on the topic."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from services.admissions.tests.admissions_harness import (
    ADMISSIONS,
    START,
    Consent,
    Running,
    consent,
)

globals().update(ADMISSIONS.fixtures())


@pytest.fixture(scope="session")
async def consent_facts(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Consent]:
    async with consent(kafka_bootstrap, topic_prefix) as publisher:
        yield publisher


@pytest.fixture
def term_time(admissions: Running) -> Iterator[None]:
    """The service's clock at `START` (a Monday in term time) for the test, and after."""
    admissions.clock.current = START
    yield
    admissions.clock.current = START


@pytest.fixture
async def client(admissions: Running) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=admissions.base_url) as http:
        yield http
