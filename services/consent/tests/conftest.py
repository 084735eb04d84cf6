"""Fixtures of the consent service's tests: one running service per test session."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from services.consent.tests.consent_harness import ConsentService, School, running_service


@pytest.fixture(scope="session")
async def consent(
    postgres_server_url: str, kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[ConsentService]:
    async with running_service(postgres_server_url, kafka_bootstrap, topic_prefix) as service:
        yield service


@pytest.fixture
def school() -> School:
    """A school in a tenant of its own."""
    return School.new()


@pytest.fixture(autouse=True)
def clock_put_back(request: pytest.FixtureRequest) -> Iterator[None]:
    """Puts the session's service clock back after each test that runs the service, so
    every such test starts at `START` (a Monday in the school year) whatever ran before
    it; autouse, so a module that moves the clock cannot forget to ask for it."""
    if "consent" not in request.fixturenames:
        yield  # a test without the service: nothing to put back, nothing started for it
        return
    service: ConsentService = request.getfixturevalue("consent")
    clock = service.clock
    before = clock.now()
    yield
    clock.current = before
