"""The clock of a test session's running service, put back after every test that runs it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from samen_kit.clock import FakeClock


def clock_put_back_fixture(service: str) -> Any:
    """An autouse fixture: after each test that uses the session fixture `service` (one
    with a `FakeClock` as `.clock`), that clock is set back to where the test found it.
    So a test may move the shared clock freely, and the next one, whatever the order,
    starts at the day the harness chose; a module cannot forget to ask. Tests without
    `service` start nothing for it. In a conftest:
    `clock_put_back = clock_put_back_fixture("consent")`."""

    @pytest.fixture(autouse=True)
    def clock_put_back(request: pytest.FixtureRequest) -> Iterator[None]:
        if service not in request.fixturenames:
            yield
            return
        clock: FakeClock = request.getfixturevalue(service).clock
        before = clock.now()
        yield
        clock.current = before

    return clock_put_back
