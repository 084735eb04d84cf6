"""Waiting with a deadline: the first truthy answer, or an error that names the wait."""

from __future__ import annotations

import pytest
from samen_cli.journey.polling import JourneyError, until

pytestmark = pytest.mark.unit


async def test_the_first_truthy_answer_ends_the_wait() -> None:
    answers = iter([None, 0, "ready"])

    async def probe() -> str | int | None:
        return next(answers)

    assert await until(probe, what="ready", within=5, every=0.001) == "ready"


async def test_a_wait_past_its_deadline_says_what_did_not_happen() -> None:
    async def never() -> bool:
        return False

    with pytest.raises(JourneyError, match="ConsentGiven: not within 0 s"):
        await until(never, what="ConsentGiven", within=0.01, every=0.001)
