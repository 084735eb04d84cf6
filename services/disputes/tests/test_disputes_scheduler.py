"""The deadline sweep: approaching and missed deadlines reach Kafka once, with ids derived
from the dispute, the deadline's kind and its date, however many instances sweep."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any
from uuid import uuid5

import httpx
import pytest
from samen_disputes.bootstrap import build_service
from samen_disputes.domain import DUE_EVENT_NAMESPACE, local_date
from samen_disputes.entrypoints.jobs import scheduler_job
from samen_disputes.handlers.context import Deps
from samen_disputes.handlers.deadlines import sweep_deadlines
from samen_disputes.settings import DisputesSettings
from samen_kit.access import Role
from samen_kit.testing.waiting import wait_for

from services.disputes.tests.disputes_harness import (
    Pupil,
    Roster,
    Running,
    Tap,
    enrolled,
    outbox_rows_for,
)

pytestmark = pytest.mark.integration
DEADLINE_EVENTS = ("DisputeDeadlineApproaching", "DisputeDeadlineMissed")


async def removal_dispute_with_terms_ending_soon(
    disputes: Running, roster: Roster
) -> tuple[Pupil, dict[str, Any]]:
    """A removal decided almost six weeks ago: the objection and committee terms end soon."""
    pupil = await enrolled(disputes, roster)
    decided_on = local_date(disputes.clock.now()) - timedelta(weeks=6) + timedelta(days=3)
    body = {
        "pupil_id": str(pupil.pupil_id),
        "subject": "removal",
        "description": "Verwijderd",
        "decision_date": decided_on.isoformat(),
    }
    headers = disputes.staff_token(pupil.tenant, Role.SWV_ADMIN)
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        opened = await http.post("/disputes", json=body, headers=headers)
    assert opened.status_code == 201, opened.text
    dispute: dict[str, Any] = opened.json()
    return pupil, dispute


def deadline_events(tap: Tap, tenant: str) -> list[tuple[str, str, str, str]]:
    return sorted(
        (s.name, s.data["deadline_kind"], s.data["due_date"], s.envelope.id)
        for name in DEADLINE_EVENTS
        for s in tap.of(tenant, name)
    )


def events_counted(tap: Tap, tenant: str, count: int) -> bool:
    return len(deadline_events(tap, tenant)) == count


@pytest.fixture
async def second_instances(
    disputes: Running, disputes_settings_for: Callable[..., DisputesSettings]
) -> AsyncIterator[list[Deps]]:
    """Two more instances of the service on the same database and clock (no HTTP)."""
    settings = disputes_settings_for(disputes.service.settings.database_url)
    services = [build_service(settings, clock=disputes.clock) for _ in range(2)]
    yield [service.deps for service in services]
    for service in services:
        await service.runtime.engine.dispose()


async def test_a_term_ending_within_a_week_is_announced_once_then_missed_once(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    pupil, dispute = await removal_dispute_with_terms_ending_soon(disputes, consent_roster)
    due_dates = {d["kind"]: d["due_date"] for d in dispute["deadlines"]}

    await sweep_deadlines(disputes.service.deps)
    await sweep_deadlines(disputes.service.deps)
    await wait_for(lambda: len(deadline_events(disputes_tap, pupil.tenant)) == 2)
    announced = deadline_events(disputes_tap, pupil.tenant)
    assert {(kind, day) for _, kind, day, _ in announced} == {
        ("objection_filing", due_dates["objection_filing"]),
        ("committee_request", due_dates["committee_request"]),
    }
    assert {name for name, *_ in announced} == {"DisputeDeadlineApproaching"}

    disputes.clock.advance(timedelta(days=10))
    await sweep_deadlines(disputes.service.deps)
    await wait_for(lambda: len(deadline_events(disputes_tap, pupil.tenant)) == 4)
    missed = [e for e in deadline_events(disputes_tap, pupil.tenant) if e[0].endswith("Missed")]
    assert {kind for _, kind, _, _ in missed} == {"objection_filing", "committee_request"}
    assert await sweep_deadlines(disputes.service.deps) == 0


async def test_event_ids_are_derived_from_the_dispute_the_deadline_and_its_date(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    pupil, dispute = await removal_dispute_with_terms_ending_soon(disputes, consent_roster)
    await sweep_deadlines(disputes.service.deps)
    await wait_for(lambda: len(deadline_events(disputes_tap, pupil.tenant)) == 2)

    for _, kind, day, event_id in deadline_events(disputes_tap, pupil.tenant):
        key = f"deadline_approaching:{dispute['id']}:{kind}:{day}"
        assert event_id == str(uuid5(DUE_EVENT_NAMESPACE, key))


async def test_two_instances_sweeping_at_the_same_time_never_double_fire(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap, second_instances: list[Deps]
) -> None:
    pupils = [await removal_dispute_with_terms_ending_soon(disputes, consent_roster)]
    pupils.append(await removal_dispute_with_terms_ending_soon(disputes, consent_roster))

    for _ in range(3):
        await asyncio.gather(*(sweep_deadlines(deps) for deps in second_instances))
    for pupil, _ in pupils:
        assert await outbox_rows_for(disputes, pupil.pupil_id) == 1 + 2  # opened, 2 approaching

    disputes.clock.advance(timedelta(days=10))
    for _ in range(3):
        await asyncio.gather(*(sweep_deadlines(deps) for deps in second_instances))
    for pupil, _ in pupils:
        assert await outbox_rows_for(disputes, pupil.pupil_id) == 1 + 4  # and 2 missed
        await wait_for(functools.partial(events_counted, disputes_tap, pupil.tenant, 4))
        ids = [event_id for *_, event_id in deadline_events(disputes_tap, pupil.tenant)]
        assert len(set(ids)) == 4


async def test_the_scheduler_job_sweeps_on_its_interval(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    pupil, _ = await removal_dispute_with_terms_ending_soon(disputes, consent_roster)
    every_fifth_second = disputes.service.settings.model_copy(
        update={"sweep_seconds": 0.2, "refusal_grace_seconds": 10.0}
    )
    job = scheduler_job(disputes.service.deps, every_fifth_second)
    task = asyncio.create_task(job())
    try:
        await wait_for(lambda: len(deadline_events(disputes_tap, pupil.tenant)) == 2)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def test_a_move_closing_the_term_stops_its_announcement(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    pupil, dispute = await removal_dispute_with_terms_ending_soon(disputes, consent_roster)
    headers = disputes.staff_token(pupil.tenant, Role.BOARD_ADMIN, boards=(pupil.board,))
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        for move in ("enter:objection", "enter:disputes_committee"):
            body = {"move": move}
            moved = await http.post(f"/disputes/{dispute['id']}/moves", json=body, headers=headers)
            assert moved.status_code == 200, moved.text

    await sweep_deadlines(disputes.service.deps)

    # Opened and two stage changes; both filing terms were met, the board's are weeks away.
    assert await outbox_rows_for(disputes, pupil.pupil_id) == 3
