"""Fixtures of the admissions integration tests: one running service per test session
(each test uses its own random tenant), a consent publisher and a tap on the topic."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from samen_kit.testing.roster import publisher_fixture

from services.admissions.tests.admissions_harness import ADMISSIONS, START, Consent, Running

globals().update(ADMISSIONS.fixtures())


consent_facts = publisher_fixture("consent_facts", Consent)


@pytest.fixture
def term_time(admissions: Running) -> Iterator[None]:
    """The service's clock at `START` (a Monday in term time) for the test, and after."""
    admissions.clock.current = START
    yield
    admissions.clock.current = START
