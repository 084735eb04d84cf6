from __future__ import annotations

from collections.abc import Callable

import pytest
from samen_kit.settings import ServiceSettings
from samen_kit.testing.names import new_prefix

from tests.integration.kit import proofkit


@pytest.fixture
def settings_for(
    kafka_bootstrap: str, topic_prefix: str, make_database: Callable[[str], str]
) -> Callable[..., ServiceSettings]:
    """Settings of a service under test, each with a fresh database.

    The services of one test share a topic prefix of their own: on the session's prefix a
    test that reads a topic from its start would meet what other suites left there (a
    parked record, a record made unreadable on purpose)."""
    prefix = new_prefix(topic_prefix, "k")

    def make(service: str, **overrides: object) -> ServiceSettings:
        url = make_database(service)
        proofkit.create_schema(url)
        values: dict[str, object] = {
            "service": service,
            "kafka_bootstrap": kafka_bootstrap,
            "database_url": url,
            "topic_prefix": prefix,
            "outbox_poll_ms": 200,
            "consumer_backoff_ms": 20,
            **overrides,
        }
        return ServiceSettings(**values)  # type: ignore[arg-type]

    return make
