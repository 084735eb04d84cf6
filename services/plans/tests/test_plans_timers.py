"""The timers over the real database and outbox: each is written once, also when two
instances scan at the same moment, with an id derived from the OPP and its due date; the
evaluation timer starts when the action part is first set."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
from samen_kit.clock import FakeClock
from samen_kit.testing.waiting import wait_for
from samen_plans.domain.timers import Timer, TimerKind
from samen_plans.handlers.context import Context
from samen_plans.handlers.timers import scan_timers

from services.plans.tests.plans_harness import Pupil, Roster, Running, Tap
from services.plans.tests.plans_requests import enrolled, offered, opp_of, started, written

pytestmark = pytest.mark.integration


def instance_on(plans: Running, day: date) -> Context:
    """Another scanner on the same database, its clock at noon (UTC) of `day`."""
    deps = plans.service.deps
    return Context(deps.sessions, deps.writer, FakeClock(datetime.combine(day, time(12), UTC)))


def named(tap: Tap, pupil: Pupil, name: str) -> list[Any]:
    return [e for e in tap.of(pupil.tenant, name)]


async def test_the_opp_timer_fires_once_before_and_once_after_its_due_date(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    started_on = date(2025, 12, 1)
    opp_id = await started(client, plans, pupil, started_on=started_on)
    due_on = started_on + timedelta(weeks=6)

    await scan_timers(instance_on(plans, due_on - timedelta(weeks=2, days=1)))
    await scan_timers(instance_on(plans, due_on - timedelta(weeks=2)))
    await scan_timers(instance_on(plans, due_on))
    await plans_tap.wait_for_one(pupil.tenant, "OppDue")
    # Two instances at once, the day after: one OppOverdue between them.
    after = due_on + timedelta(days=1)
    await asyncio.gather(*(scan_timers(instance_on(plans, after)) for _ in range(2)))
    await scan_timers(instance_on(plans, after + timedelta(days=3)))
    await plans_tap.wait_for_one(pupil.tenant, "OppOverdue")

    settled = await plans_tap.settle(pupil.tenant)
    due = [e for e in settled if e.name == "OppDue"]
    overdue = [e for e in settled if e.name == "OppOverdue"]
    assert len(due) == len(overdue) == 1
    assert due[0].data["due_on"] == str(due_on)
    expected = Timer(TimerKind.OPP_OVERDUE, pupil.tenant, UUID(opp_id), due_on).event_id
    assert overdue[0].envelope.id == str(expected)


async def test_the_evaluation_timer_warns_four_weeks_before_and_reports_the_day_after(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    opp_id = await started(client, plans, pupil)
    version = await written(client, plans, pupil, opp_id)
    assert (await offered(client, plans, pupil, opp_id, 1)).status_code == 202
    request_id = await consent_roster.requested(
        pupil, UUID(opp_id), 1, version["action_part_sha256"]
    )
    await consent_roster.all_agree(pupil, request_id)

    async def evaluation_due() -> str | None:
        return (await opp_of(client, plans, pupil, opp_id))["evaluation_due_on"]

    due_on = date.fromisoformat(await wait_for(evaluation_due))
    await scan_timers(instance_on(plans, due_on - timedelta(weeks=4)))
    await scan_timers(instance_on(plans, due_on + timedelta(days=1)))
    await plans_tap.wait_for_one(pupil.tenant, "EvaluationOverdue")
    settled = await plans_tap.settle(pupil.tenant)
    assert [e.data["due_on"] for e in settled if e.name == "EvaluationDue"] == [str(due_on)]
    assert [e.data["due_on"] for e in settled if e.name == "EvaluationOverdue"] == [str(due_on)]
    # Nothing was set late: the OPP's own timer never fired for a set OPP.
    assert not any(e.name in ("OppDue", "OppOverdue") for e in settled)
