"""The roster's batch handlers over PostgreSQL: a batch of enrolments or guardianships
in one statement leaves the projection exactly as applying each fact alone does."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from datetime import date
from typing import Any
from uuid import UUID, uuid4

import pytest
from samen_contract import Envelope, Event
from samen_contract.events.consent import (
    GuardianshipEnded,
    GuardianshipRecorded,
    GuardianStanding,
    PupilEnrolled,
)
from samen_kit.consumer import Delivery
from samen_kit.deadletter import FailedRecord
from samen_kit.roster import ROSTER_BATCH_HANDLERS, ROSTER_TABLES, apply_roster_fact
from samen_kit.testing.databases import sessions_with
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

pytestmark = pytest.mark.integration

AUTHORITY, INFORMED = GuardianStanding.PARENTAL_AUTHORITY, GuardianStanding.INFORMATION_RIGHT
SCHOOL_A, SCHOOL_B = uuid4(), uuid4()
ON, LATER = date(2025, 8, 25), date(2026, 1, 5)
TENANT = "swv-roster-batch"


@pytest.fixture
async def two_projections(
    make_database: Callable[[str], str],
) -> AsyncIterator[tuple[async_sessionmaker[AsyncSession], async_sessionmaker[AsyncSession]]]:
    async with (
        sessions_with(make_database("one_by_one"), ROSTER_TABLES) as one,
        sessions_with(make_database("batched"), ROSTER_TABLES) as batched,
    ):
        yield one, batched


def delivery(fact: Event, pupil: UUID) -> Delivery:
    envelope = Envelope.for_event(
        fact, tenant=TENANT, subject=pupil, actor="system:test", sequence=1, board="b-1"
    )
    record = FailedRecord(topic="t", partition=0, offset=0, key=None, value=None, headers=[])
    return Delivery(envelope=envelope, event=fact, data={}, record=record)


async def apply_both(
    one: async_sessionmaker[AsyncSession],
    batched: async_sessionmaker[AsyncSession],
    facts: Sequence[tuple[UUID, Event]],
) -> None:
    """`facts` (one per pupil, as the consumer's waves are) each alone, and by type."""
    async with one() as session, session.begin():
        for pupil, fact in facts:
            d = delivery(fact, pupil)
            assert await apply_roster_fact(session, d.envelope, d.event)
    async with batched() as session, session.begin():
        for kind, handler in ROSTER_BATCH_HANDLERS.items():
            of_kind = [delivery(f, p) for p, f in facts if type(f) is kind]
            if of_kind:
                await handler(session, of_kind)


async def contents(sessions: async_sessionmaker[AsyncSession]) -> dict[str, list[Any]]:
    async with sessions() as session:
        return {
            table: [
                tuple(row)
                for row in await session.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2, 3"))
            ]
            for table in ("roster_pupil", "roster_guardianship")
        }


async def test_a_batch_of_roster_facts_leaves_the_projection_applying_each_alone_leaves(
    two_projections: tuple[async_sessionmaker[AsyncSession], async_sessionmaker[AsyncSession]],
) -> None:
    one, batched = two_projections
    stays, regrouped, moves, ungrouped, late = (uuid4() for _ in range(5))
    pupils = [stays, regrouped, moves, ungrouped]
    parents = {p: uuid4() for p in pupils}
    await apply_both(
        one,
        batched,
        [
            (p, PupilEnrolled(pupil_id=p, school_id=SCHOOL_A, enrolled_on=ON, group="7B"))
            for p in pupils[:3]
        ]
        + [(ungrouped, PupilEnrolled(pupil_id=ungrouped, school_id=SCHOOL_A, enrolled_on=ON))],
    )
    await apply_both(
        one,
        batched,
        [
            (p, GuardianshipRecorded(pupil_id=p, guardian_id=parents[p], standing=AUTHORITY))
            for p in pupils
        ],
    )
    # Again at the same school without a group (kept), with a new group, at another
    # school without a group (none there yet); a pupil first enrolled now.
    await apply_both(
        one,
        batched,
        [
            (stays, PupilEnrolled(pupil_id=stays, school_id=SCHOOL_A, enrolled_on=LATER)),
            (
                regrouped,
                PupilEnrolled(
                    pupil_id=regrouped, school_id=SCHOOL_A, enrolled_on=LATER, group="8A"
                ),
            ),
            (moves, PupilEnrolled(pupil_id=moves, school_id=SCHOOL_B, enrolled_on=LATER)),
            (late, PupilEnrolled(pupil_id=late, school_id=SCHOOL_B, enrolled_on=LATER)),
        ],
    )
    await apply_both(
        one,
        batched,
        [
            (
                stays,
                GuardianshipRecorded(pupil_id=stays, guardian_id=parents[stays], standing=INFORMED),
            ),
            (moves, GuardianshipEnded(pupil_id=moves, guardian_id=parents[moves])),
            (late, GuardianshipEnded(pupil_id=late, guardian_id=uuid4())),  # none to end
        ],
    )

    expected = await contents(one)
    assert await contents(batched) == expected
    groups = {row[1]: row[-1] for row in expected["roster_pupil"]}
    assert groups == {stays: "7B", regrouped: "8A", moves: None, ungrouped: None, late: None}
    assert len(expected["roster_guardianship"]) == 3
