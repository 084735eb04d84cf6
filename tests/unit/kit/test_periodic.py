"""The kit's periodic jobs: first run at start, again each interval, failures survived."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from samen_kit.periodic import Every, periodic

pytestmark = pytest.mark.unit


async def test_a_job_runs_at_start_and_again_after_a_failure() -> None:
    runs: list[int] = []
    third = asyncio.Event()

    async def flaky() -> None:
        runs.append(len(runs))
        if len(runs) == 3:
            third.set()
        if len(runs) == 1:
            raise RuntimeError("the first run fails")

    task = asyncio.create_task(periodic(Every("test.flaky", 0.05, flaky))())
    async with asyncio.timeout(5):
        await third.wait()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert runs[:3] == [0, 1, 2]


async def test_a_job_may_wait_one_interval_before_its_first_run() -> None:
    runs: list[str] = []

    async def work() -> None:
        runs.append("ran")

    task = asyncio.create_task(periodic(Every("test.later", 60, work, first_at_start=False))())
    await asyncio.sleep(0.1)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert runs == []
