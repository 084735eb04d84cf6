"""Fixtures of the notifications service's tests (helpers: `notifications_harness`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from services.notifications.tests.notifications_harness import StartService, service_starter


@pytest.fixture
def running_service(
    kafka_bootstrap: str,
    topic_prefix: str,
    make_database: Callable[[str], str],
    tmp_path: Path,
) -> StartService:
    """`async with running_service(clock=..., **settings) as running:` — the whole service."""
    return service_starter(kafka_bootstrap, topic_prefix, make_database, tmp_path)
