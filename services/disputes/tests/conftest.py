"""Fixtures of the disputes integration tests: one running service per test session
(each test uses its own random tenant), a roster publisher and a tap on the topic."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.disputes.tests.disputes_harness import (
    DISPUTES,
    Plans,
    Roster,
    plans,
    roster,
)

globals().update(DISPUTES.fixtures())


@pytest.fixture(scope="session")
async def consent_roster(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Roster]:
    async with roster(kafka_bootstrap, topic_prefix) as publisher:
        yield publisher


@pytest.fixture(scope="session")
async def plans_facts(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Plans]:
    async with plans(kafka_bootstrap, topic_prefix) as publisher:
        yield publisher
