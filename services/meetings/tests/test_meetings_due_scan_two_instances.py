"""The scheduler over real PostgreSQL and Kafka, with two instances scanning the same
database at once: an agreement to evaluate gives exactly one `EvaluationDue` however the
scans race, a meeting tomorrow one reminder, and a recorded evaluation stops the
overdue. OPPs known from the plans service get nothing here: their cycle is the plans
service's. Time moves; nothing sleeps."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import UTC, time, timedelta
from typing import Any
from uuid import UUID, uuid5

import httpx
import pytest
from samen_kit.access import Role
from samen_kit.clock import FakeClock
from samen_kit.testing.names import new_prefix, new_tenant
from samen_kit.testing.waiting import wait_for
from samen_meetings.domain.due import DUE_EVENT_NAMESPACE
from samen_meetings.domain.local_time import local_date, local_moment

from services.meetings.tests.meetings_harness import (
    START,
    Plans,
    Roster,
    Running,
    Tap,
    opp_known,
    outbox_ids,
    plans,
    pupil_known,
    pupil_left,
    register_staff,
    roster,
    tap,
)
from services.meetings.tests.meetings_requests import agreement, meeting_body, record_body

pytestmark = pytest.mark.integration


class Pair:
    """Two instances of one deployment: same database, same topics, same clock."""

    def __init__(
        self, first: Running, second: Running, roster: Roster, plans: Plans, tap: Tap
    ) -> None:
        self.first, self.second, self.tap = first, second, tap
        self.roster, self.plans = roster, plans

    @property
    def clock(self) -> FakeClock:
        return self.first.clock

    async def scans_pass(self, count: int = 2) -> None:
        """Both schedulers finish `count` more scans at the clock's current time."""
        targets = [r.service.scanner.completed + count for r in (self.first, self.second)]
        await wait_for(
            lambda: all(
                r.service.scanner.completed >= t
                for r, t in zip((self.first, self.second), targets, strict=True)
            )
        )

    async def settled(self, tenant: str, name: str) -> list[Any]:
        """After more scans, with everything written also on Kafka: what the tap saw."""
        await self.scans_pass()
        await wait_for(self.first.outbox_drained)
        written = await outbox_ids(self.first, tenant, name)
        await wait_for(lambda: self.tap.has_ids(written))
        return self.tap.of(tenant, name)


@pytest.fixture(scope="module")
async def pair(
    deployment: Callable[..., contextlib.AbstractAsyncContextManager[Running]],
    meetings_database_for: Callable[[], str],
    topic_prefix: str,
    kafka_bootstrap: str,
) -> AsyncIterator[Pair]:
    database, prefix, clock = meetings_database_for(), new_prefix(topic_prefix), FakeClock(START)
    settings = {"due_scan_interval_seconds": 0.2}
    async with (
        deployment(database, prefix, clock, **settings) as first,
        deployment(database, prefix, clock, **settings) as second,
        roster(kafka_bootstrap, prefix) as publisher,
        plans(kafka_bootstrap, prefix) as plans_facts,
        tap(kafka_bootstrap, prefix) as collected,
    ):
        yield Pair(first, second, publisher, plans_facts, collected)


async def test_scans_racing_in_two_instances_write_each_event_once(pair: Pair) -> None:
    tenant, run = new_tenant(), pair.first
    pupil = await pair.roster.enrol(tenant)
    await wait_for(lambda: pupil_known(run, pupil))
    today = local_date(pair.clock.now())
    # An OPP whose evaluation with the parents falls due in a week: the plans service's.
    opp_id = await pair.plans.start_support(pupil, today - timedelta(days=365))
    set_on = today - timedelta(days=330)
    await pair.plans.set_action_part(pupil, opp_id, 1, set_on, today + timedelta(days=7))
    await wait_for(lambda: opp_known(run, tenant, opp_id, version=1))
    staff = run.staff_token(tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=run.base_url, headers=staff) as http:
        teacher = await register_staff(run, http, tenant, pupil.school_id)
        held = meeting_body(
            pupil.pupil_id, "progress_talk", pair.clock.now() - timedelta(days=1), [teacher]
        )
        meeting_id = (await http.post("/meetings/unplanned", json=held)).json()["meeting_id"]
        deals = [agreement(teacher, today, today + timedelta(days=3 + n)) for n in range(5)]
        record = await http.post(
            f"/meetings/{meeting_id}/record", json=record_body([teacher, *pupil.guardians], deals)
        )
        assert record.status_code == 201, record.text
    agreements = {a["agreement_id"] for a in record.json()["agreements"]}
    scanners = [pair.first.service.scanner, pair.second.service.scanner] * 4
    reports = await asyncio.gather(*(s.scan_once() for s in scanners))

    seen = await pair.settled(tenant, "EvaluationDue")
    assert sorted(s.data["subject_id"] for s in seen) == sorted(agreements)
    assert {s.data["kind"] for s in seen} == {"agreement"}
    assert sum(r.emitted for r in reports) <= len(agreements)


async def test_refused_attempts_are_reported_once_per_minute_with_their_count(
    pair: Pair,
) -> None:
    tenant, run = new_tenant(), pair.first
    async with httpx.AsyncClient(base_url=run.base_url) as http:
        teacher = run.staff_token(tenant, Role.TEACHER, schools=(UUID(int=1),))
        for _ in range(3):
            refused = await http.put("/settings", json={}, headers=teacher)
            assert refused.status_code == 403
    pair.clock.advance(timedelta(minutes=3))

    (report,) = await wait_for(lambda: pair.tap.of(tenant, "AccessRefused"))
    await pair.settled(tenant, "AccessRefused")
    assert report.data["count"] == 3
    assert report.data["reason"] == "forbidden_role"
    assert report.data["route"] == "/settings"
    assert report.data["method"] == "PUT"
    assert report.data["resource_kind"] == "tenant_settings"
    assert len(pair.tap.of(tenant, "AccessRefused")) == 1


async def test_a_meeting_tomorrow_gets_one_reminder_and_an_agreement_one_warning(
    pair: Pair,
) -> None:
    tenant, run = new_tenant(), pair.first
    pupil = await pair.roster.enrol(tenant)
    await wait_for(lambda: pupil_known(run, pupil))
    now = pair.clock.now()
    today = local_date(now)

    def staff() -> dict[str, str]:  # minted at the clock's time: the clock moves days
        return run.staff_token(tenant, Role.IB, schools=(pupil.school_id,))

    async with httpx.AsyncClient(base_url=run.base_url) as http:
        teacher = await register_staff(run, http, tenant, pupil.school_id)
        starts = local_moment(today + timedelta(days=2), time(10, 0))
        body = meeting_body(pupil.pupil_id, "progress_talk", starts, [teacher])
        meeting_id = (await http.post("/meetings", json=body, headers=staff())).json()["meeting_id"]
        held = meeting_body(pupil.pupil_id, "progress_talk", now - timedelta(days=1), [teacher])
        held_id = (await http.post("/meetings/unplanned", json=held, headers=staff())).json()[
            "meeting_id"
        ]
        deal = agreement(teacher, today + timedelta(days=5), today + timedelta(days=10))
        record = await http.post(
            f"/meetings/{held_id}/record",
            json=record_body([teacher, *pupil.guardians], [deal]),
            headers=staff(),
        )
        agreement_id = record.json()["agreements"][0]["agreement_id"]

        pair.clock.current = local_moment(today + timedelta(days=1), time(9, 1))
        (reminder,) = await pair.settled(tenant, "MeetingReminderDue")
        pair.clock.advance(timedelta(days=3))  # the agreement's warning: 7 days before
        (warning,) = await pair.settled(tenant, "EvaluationDue")

        evaluation = meeting_body(
            pupil.pupil_id, "agreement_evaluation", pair.clock.now() - timedelta(hours=3),
            [teacher], evaluates_agreement_ids=[agreement_id],
        )  # fmt: skip
        evaluated = (
            await http.post("/meetings/unplanned", json=evaluation, headers=staff())
        ).json()["meeting_id"]
        recorded = await http.post(
            f"/meetings/{evaluated}/record",
            json=record_body([teacher, *pupil.guardians]),
            headers=staff(),
        )
        assert recorded.status_code == 201, recorded.text
        pair.clock.advance(timedelta(days=10))  # past the evaluation date
        overdue = await pair.settled(tenant, "EvaluationOverdue")
        listed = (
            await http.get("/agreements", params={"pupil_id": str(pupil.pupil_id)}, headers=staff())
        ).json()

    assert reminder.data["meeting_id"] == meeting_id
    assert reminder.envelope.id == str(reminder_event_id(meeting_id, starts))
    assert (warning.data["kind"], warning.data["subject_id"]) == ("agreement", agreement_id)
    assert overdue == []
    evaluated_on = local_date(pair.clock.now() - timedelta(days=10, hours=3))
    assert [a["evaluated_on"] for a in listed] == [evaluated_on.isoformat()]


async def test_a_pupil_who_left_gets_no_reminder_and_no_warning(pair: Pair) -> None:
    """The school's follow-up ends with the leaving: a meeting planned before and an
    agreement still to evaluate are left alone from the day the pupil left."""
    tenant, run = new_tenant(), pair.first
    pupil = await pair.roster.enrol(tenant)
    await wait_for(lambda: pupil_known(run, pupil))
    now = pair.clock.now()
    today = local_date(now)
    staff = run.staff_token(tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=run.base_url, headers=staff) as http:
        teacher = await register_staff(run, http, tenant, pupil.school_id)
        starts = local_moment(today + timedelta(days=2), time(10, 0))
        body = meeting_body(pupil.pupil_id, "progress_talk", starts, [teacher])
        assert (await http.post("/meetings", json=body)).status_code == 201
        held = meeting_body(pupil.pupil_id, "progress_talk", now - timedelta(days=1), [teacher])
        held_id = (await http.post("/meetings/unplanned", json=held)).json()["meeting_id"]
        deal = agreement(teacher, today + timedelta(days=5), today + timedelta(days=10))
        record = await http.post(
            f"/meetings/{held_id}/record", json=record_body([teacher, *pupil.guardians], [deal])
        )
        assert record.status_code == 201, record.text
    await pair.roster.leave(pupil, today)
    await wait_for(lambda: pupil_left(run, pupil))

    pair.clock.current = local_moment(today + timedelta(days=1), time(9, 1))
    reminders = await pair.settled(tenant, "MeetingReminderDue")
    pair.clock.advance(timedelta(days=20))  # past the agreement's warning and its date
    warnings = await pair.settled(tenant, "EvaluationDue")
    overdue = await pair.settled(tenant, "EvaluationOverdue")

    assert (reminders, warnings, overdue) == ([], [], [])


def reminder_event_id(meeting_id: str, starts: Any) -> UUID:
    key = f"meeting_reminder_due:meeting:{meeting_id}:{starts.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"
    return uuid5(DUE_EVENT_NAMESPACE, key)
