"""Fixtures of the consent service's tests: one running service per test session."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from samen_kit.testing.clocks import clock_put_back_fixture

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


# Each test that runs the service leaves its clock where it found it (autouse).
clock_put_back = clock_put_back_fixture("consent")
