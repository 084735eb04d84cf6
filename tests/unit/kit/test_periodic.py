"""The kit's periodic jobs: first run at start, again each interval, failures survived;
a sweep's steps in order, what they wrote logged."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
import structlog.testing
from samen_kit.periodic import Every, periodic, sweeping
from samen_kit.service import BackgroundJob

pytestmark = pytest.mark.unit


async def ran_until(job: BackgroundJob, done: asyncio.Event) -> None:
    """`job` run in a task of its own until `done` is set (within five seconds), then
    cancelled."""
    task = asyncio.create_task(job())
    async with asyncio.timeout(5):
        await done.wait()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def test_a_job_runs_at_start_and_again_after_a_failure() -> None:
    runs: list[int] = []
    third = asyncio.Event()

    async def flaky() -> None:
        runs.append(len(runs))
        if len(runs) == 3:
            third.set()
        if len(runs) == 1:
            raise RuntimeError("the first run fails")

    await ran_until(periodic(Every("test.flaky", 0.05, flaky)), third)
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


async def test_a_sweep_runs_its_steps_in_order_and_logs_what_they_wrote() -> None:
    ran: list[str] = []
    second_run = asyncio.Event()

    async def timers() -> int:
        ran.append("timers")
        return 2

    async def refusals() -> int:
        ran.append("refusals")
        if ran.count("refusals") == 2:
            second_run.set()
        return 0

    with structlog.testing.capture_logs() as logs:
        await ran_until(sweeping("test.sweep", 0.05, timers=timers, refusals=refusals), second_run)

    assert ran[:4] == ["timers", "refusals", "timers", "refusals"]
    emitted = [entry for entry in logs if entry["event"] == "test.sweep.emitted"]
    assert emitted[0]["timers"] == 2 and emitted[0]["refusals"] == 0


async def test_a_failing_step_ends_that_sweep_and_the_next_interval_tries_again() -> None:
    runs: list[int] = []
    again = asyncio.Event()

    async def flaky() -> int:
        runs.append(len(runs))
        if len(runs) == 2:
            again.set()
        if len(runs) == 1:
            raise RuntimeError("the first sweep fails")
        return 0

    async def never_after_a_failure() -> int:
        return len(runs) - 2  # 0 on the second sweep: nothing written, nothing logged

    with structlog.testing.capture_logs() as logs:
        job = sweeping("test.flaky", 0.05, first=flaky, second=never_after_a_failure)
        await ran_until(job, again)

    events = [entry["event"] for entry in logs]
    assert events.count("test.flaky.failed") == 1
    assert "test.flaky.emitted" not in events
