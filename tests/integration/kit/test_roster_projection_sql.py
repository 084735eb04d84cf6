"""The kit's roster projection over PostgreSQL: facts of two tenants with the same pupil
and guardian ids make two pupils; a later fact wins; a leaving from a school the pupil
has moved away from changes nothing; every lookup answers within its tenant."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date
from uuid import UUID, uuid4

import pytest
from samen_contract import Envelope, Event
from samen_contract.events.consent import (
    ConsentGiven,
    GuardianshipEnded,
    GuardianshipRecorded,
    GuardianStanding,
    PupilEnrolled,
    PupilGroupChanged,
    PupilLeft,
)
from samen_kit.roster import ROSTER_TABLES, Roster, apply_roster_fact, place_pupils
from samen_kit.testing.databases import sessions_with
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

pytestmark = pytest.mark.integration

AUTHORITY, INFORMED = GuardianStanding.PARENTAL_AUTHORITY, GuardianStanding.INFORMATION_RIGHT
PUPIL, GUARDIAN, SCHOOL_A, SCHOOL_B = uuid4(), uuid4(), uuid4(), uuid4()


@pytest.fixture
async def sessions(
    make_database: Callable[[str], str],
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    async with sessions_with(make_database("kit_roster"), ROSTER_TABLES) as made:
        yield made


async def apply(
    sessions: async_sessionmaker[AsyncSession], tenant: str, *facts: Event, board: str = "b-1"
) -> list[bool]:
    applied = []
    async with sessions() as session, session.begin():
        for fact in facts:
            env = Envelope.for_event(
                fact, tenant=tenant, subject=PUPIL, actor="system:test", sequence=1, board=board
            )
            applied.append(await apply_roster_fact(session, env, fact))
    return applied


def enrolled(school: UUID, on: date = date(2025, 8, 25)) -> PupilEnrolled:
    return PupilEnrolled(pupil_id=PUPIL, school_id=school, enrolled_on=on)


def guardian(standing: GuardianStanding, guardian_id: UUID = GUARDIAN) -> GuardianshipRecorded:
    return GuardianshipRecorded(pupil_id=PUPIL, guardian_id=guardian_id, standing=standing)


async def test_two_tenants_with_the_same_ids_have_a_pupil_each(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await apply(sessions, "swv-a", enrolled(SCHOOL_A), guardian(AUTHORITY))
    await apply(sessions, "swv-b", enrolled(SCHOOL_B), guardian(INFORMED), board="b-2")
    await apply(
        sessions,
        "swv-b",
        GuardianshipEnded(pupil_id=PUPIL, guardian_id=GUARDIAN),
        PupilLeft(pupil_id=PUPIL, school_id=SCHOOL_B, left_on=date(2026, 1, 9)),
    )

    async with sessions() as session:
        roster = Roster(session)
        a, b = await roster.pupil("swv-a", PUPIL), await roster.pupil("swv-b", PUPIL)
        assert a is not None and b is not None
        assert (a.school_id, a.board_id, a.left_on) == (SCHOOL_A, "b-1", None)
        assert (b.school_id, b.board_id, b.left_on) == (SCHOOL_B, "b-2", date(2026, 1, 9))
        assert await roster.guardians("swv-a", PUPIL) == {GUARDIAN: "parental_authority"}
        assert await roster.guardians("swv-b", PUPIL) == {}
        assert await roster.has_authority("swv-a", PUPIL, GUARDIAN)
        assert await roster.pupils_of_guardian("swv-a", GUARDIAN) == [PUPIL]
        assert await roster.pupils_of_guardian("swv-b", GUARDIAN) == []
        assert await roster.guardians_of_schools("swv-a", [SCHOOL_A, SCHOOL_B]) == [GUARDIAN]
        assert await roster.pupil("swv-c", PUPIL) is None
        assert await roster.tenant_elsewhere("swv-c", PUPIL) == "swv-a"
        assert await roster.tenant_elsewhere("swv-a", PUPIL) == "swv-b"
        assert await roster.pupils("swv-a", [PUPIL, uuid4()]) == {PUPIL: a}


async def test_a_later_fact_wins_and_a_leaving_from_a_former_school_changes_nothing(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    other = uuid4()
    await apply(sessions, "swv-a", enrolled(SCHOOL_A), guardian(AUTHORITY), guardian(INFORMED))
    await apply(sessions, "swv-a", enrolled(SCHOOL_B, date(2026, 2, 2)), guardian(AUTHORITY, other))
    await apply(
        sessions, "swv-a", PupilLeft(pupil_id=PUPIL, school_id=SCHOOL_A, left_on=date(2026, 2, 1))
    )

    async with sessions() as session:
        roster = Roster(session)
        pupil = await roster.pupil("swv-a", PUPIL)
        assert pupil is not None
        assert (pupil.school_id, pupil.enrolled_on, pupil.left_on) == (
            SCHOOL_B,
            date(2026, 2, 2),
            None,
        )
        assert await roster.guardians("swv-a", PUPIL) == {
            GUARDIAN: "information_right",
            other: "parental_authority",
        }
        assert await roster.guardians("swv-a", PUPIL, ["parental_authority"]) == {
            other: "parental_authority"
        }
        assert await roster.guardians_of_schools("swv-a", [SCHOOL_A]) == []


async def test_a_pupil_who_moves_class_counts_among_the_guardians_of_the_new_group_only(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    classmate, other_parent = uuid4(), uuid4()
    in_7a = PupilEnrolled(
        pupil_id=PUPIL, school_id=SCHOOL_A, enrolled_on=date(2025, 8, 25), group="7a"
    )
    await apply(sessions, "swv-a", in_7a, guardian(AUTHORITY))
    await apply(
        sessions,
        "swv-a",
        PupilEnrolled(
            pupil_id=classmate, school_id=SCHOOL_A, enrolled_on=date(2025, 8, 25), group="7a"
        ),
        GuardianshipRecorded(pupil_id=classmate, guardian_id=other_parent, standing=AUTHORITY),
        PupilGroupChanged(pupil_id=PUPIL, school_id=SCHOOL_A, group="7b"),
        PupilGroupChanged(pupil_id=PUPIL, school_id=SCHOOL_B, group="8c"),  # not their school
    )
    await apply(sessions, "swv-a", enrolled(SCHOOL_A))  # a later file without groups

    async with sessions() as session:
        roster = Roster(session)
        pupil = await roster.pupil("swv-a", PUPIL)
        assert pupil is not None and pupil.group == "7b"
        assert await roster.guardians_of_schools("swv-a", [SCHOOL_A], "7b") == [GUARDIAN]
        assert await roster.guardians_of_schools("swv-a", [SCHOOL_A], "7a") == [other_parent]
    await apply(sessions, "swv-a", enrolled(SCHOOL_B))
    async with sessions() as session:
        moved = await Roster(session).pupil("swv-a", PUPIL)
        assert moved is not None and moved.group is None  # a new school, no group named yet


async def test_another_source_places_only_a_pupil_the_roster_has_not_told_of(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    newcomer = uuid4()
    await apply(sessions, "swv-a", enrolled(SCHOOL_A))
    async with sessions() as session, session.begin():
        await place_pupils(session, "swv-a", SCHOOL_B, [PUPIL, newcomer])

    async with sessions() as session:
        placed = await Roster(session).pupils("swv-a", [PUPIL, newcomer])
    assert {pupil_id: p.school_id for pupil_id, p in placed.items()} == {
        PUPIL: SCHOOL_A,
        newcomer: SCHOOL_B,
    }
    assert placed[newcomer].enrolled_on is None


async def test_only_roster_facts_are_applied(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    assert await apply(sessions, "swv-a", enrolled(SCHOOL_A)) == [True]
    given = ConsentGiven(
        request_id=uuid4(), pupil_id=PUPIL, purpose="share_file", purpose_version=1
    )
    assert await apply(sessions, "swv-a", given) == [False]
