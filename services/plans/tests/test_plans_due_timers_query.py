"""The timer scan's one query finds exactly the timers the domain rule says are due.

Random OPPs in real PostgreSQL (the service's migrations, with the scan's indexes), every
mix of dates, closing and what was reported; for several days the query's work list is
compared with `timers_due` applied to every open OPP.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from samen_kit.testing.retention import migrated
from samen_plans.adapters.mapping import timer_state_of
from samen_plans.adapters.tables import OppRow
from samen_plans.adapters.timers import due_timers
from samen_plans.bootstrap import MIGRATIONS
from samen_plans.domain.timers import TimerKind, timers_due
from sqlalchemy import text
from sqlmodel import select

pytestmark = pytest.mark.integration

START = date(2026, 1, 5)
REPORTED = [None, *TimerKind]


def random_opp(rng: random.Random) -> OppRow:
    started = START + timedelta(days=rng.randrange(-400, 60))
    set_on = started + timedelta(days=rng.randrange(5, 60)) if rng.random() < 0.6 else None
    evaluation = set_on + timedelta(days=rng.randrange(300, 400)) if set_on else None
    return OppRow(
        tenant=rng.choice(["swv-a", "swv-b"]),
        opp_id=uuid4(),
        pupil_id=uuid4(),
        school_id=uuid4(),
        support_started_on=started,
        opp_due_on=started + timedelta(weeks=6),
        status="set" if set_on else "drafting",
        latest_version=1,
        set_version=1 if set_on else None,
        first_set_on=set_on,
        evaluation_due_on=evaluation,
        closed_on=START if rng.random() < 0.1 else None,
        opp_reported=rng.choice(REPORTED),
        evaluation_reported=rng.choice(REPORTED),
        evaluation_reported_for=rng.choice([None, evaluation, START]),
        created_by="ib:test",
        created_at=datetime(2026, 1, 5, tzinfo=UTC),
    )


async def test_the_work_list_is_what_the_domain_rule_finds_due(postgres_server_url: str) -> None:
    rng = random.Random(17)
    async with migrated(postgres_server_url, "plans_due_timers", MIGRATIONS) as sessions:
        async with sessions() as session, session.begin():
            session.add_all([random_opp(rng) for _ in range(3000)])
        async with sessions() as session:
            rows = (await session.execute(select(OppRow))).scalars().all()
            checked = 0
            for offset in range(-30, 400, 7):
                today = START + timedelta(days=offset)
                expected = [
                    timer
                    for row in sorted(rows, key=lambda r: (r.tenant, str(r.opp_id)))
                    if row.closed_on is None
                    for timer in timers_due(timer_state_of(row), today)
                ]
                found = await due_timers(session, today)
                assert sorted(found, key=repr) == sorted(expected, key=repr), today
                checked += len(found)
            assert checked > 1000  # the days chosen do find timers of every kind


async def test_a_pupil_who_left_has_no_timers_from_the_day_they_left(
    postgres_server_url: str,
) -> None:
    """The school's follow-up ends with the leaving: no OPP due, no evaluation overdue."""
    overdue = [random_opp(random.Random(seed)) for seed in range(3)]
    for row in overdue:
        row.closed_on, row.first_set_on, row.opp_reported = None, None, None
        row.opp_due_on = START - timedelta(days=10)
    stays, leaves_today, leaves_later = overdue
    leaving = text(
        "INSERT INTO roster_pupil (tenant, pupil_id, school_id, left_on)"
        " VALUES (:tenant, :pupil, :school, :left_on)"
    )
    async with migrated(postgres_server_url, "plans_due_left", MIGRATIONS) as sessions:
        async with sessions() as session, session.begin():
            session.add_all(overdue)
            for row, left_on in ((leaves_today, START), (leaves_later, START + timedelta(1))):
                values = {"tenant": row.tenant, "pupil": row.pupil_id, "left_on": left_on}
                await session.execute(leaving, {**values, "school": row.school_id})
        async with sessions() as session:
            found = {timer.opp_id for timer in await due_timers(session, START)}
            after = {timer.opp_id for timer in await due_timers(session, START + timedelta(1))}
    assert found == {stays.opp_id, leaves_later.opp_id}
    assert after == {stays.opp_id}
