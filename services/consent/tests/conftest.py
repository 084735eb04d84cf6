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


@pytest.fixture
def clock_put_back(consent: ConsentService) -> Iterator[None]:
    """Puts the session's service clock back after the test, so later tests see today
    again (a module whose tests move it asks for this with `usefixtures`)."""
    before = consent.clock.now()
    yield
    consent.clock.current = before
