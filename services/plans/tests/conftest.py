"""Fixtures of the plans integration tests: one running service per test session
(each test uses its own random tenant), a roster publisher and a tap on the topic."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.plans.tests.plans_harness import PLANS, Roster, Running, roster

globals().update(PLANS.fixtures())


@pytest.fixture(scope="session")
async def consent_roster(
    plans: Running, kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[Roster]:
    async with roster(kafka_bootstrap, topic_prefix) as publisher:
        publisher.clock = plans.clock
        yield publisher
