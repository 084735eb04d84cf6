"""A school's kind (public or private) is its board's fact: a board administrator (or the
samenwerkingsverband's) sets it for a school the tenant's roster knows, and from then on
the guardians are told that school's route. Unset, a school counts as public."""

from __future__ import annotations

from uuid import uuid4

import httpx
import pytest
from samen_kit.access import Role

from services.disputes.tests.disputes_harness import Pupil, Roster, Running, enrolled

pytestmark = pytest.mark.integration


def kind_of(pupil: Pupil) -> str:
    return f"/schools/{pupil.school_id}/kind"


async def test_a_board_administrator_sets_the_kind_of_a_school_of_their_board(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    board_admin = disputes.staff_token(pupil.tenant, Role.BOARD_ADMIN, boards=(pupil.board,))
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        before = await http.get(kind_of(pupil), headers=board_admin)
        put = await http.put(kind_of(pupil), json={"kind": "private"}, headers=board_admin)
        after = await http.get(kind_of(pupil), headers=board_admin)
        by_swv = await http.put(
            kind_of(pupil),
            json={"kind": "public"},
            headers=disputes.staff_token(pupil.tenant, Role.SWV_ADMIN),
        )

    assert before.status_code == 200 and before.json() == {"kind": "public"}
    assert put.status_code == 200 and put.json() == {"kind": "private"}
    assert after.json() == {"kind": "private"}
    assert by_swv.status_code == 200 and by_swv.json() == {"kind": "public"}


async def test_a_teacher_or_a_director_may_not_set_it(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        teacher = disputes.staff_token(pupil.tenant, Role.TEACHER, schools=(pupil.school_id,))
        by_teacher = await http.put(kind_of(pupil), json={"kind": "private"}, headers=teacher)
        read_by_teacher = await http.get(kind_of(pupil), headers=teacher)
        director = disputes.staff_token(pupil.tenant, Role.DIRECTOR, schools=(pupil.school_id,))
        by_director = await http.put(kind_of(pupil), json={"kind": "private"}, headers=director)
        read_by_director = await http.get(kind_of(pupil), headers=director)

    assert by_teacher.status_code == 403
    assert by_teacher.headers["content-type"] == "application/problem+json"
    assert read_by_teacher.status_code == 403
    assert by_director.status_code == 403
    assert read_by_director.json() == {"kind": "public"}  # nothing was set


async def test_another_tenants_school_is_not_found_and_keeps_its_kind(
    disputes: Running, consent_roster: Roster
) -> None:
    a = await enrolled(disputes, consent_roster)
    b = await enrolled(disputes, consent_roster)
    admin_a = disputes.staff_token(a.tenant, Role.SWV_ADMIN)
    admin_b = disputes.staff_token(b.tenant, Role.SWV_ADMIN)
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        await http.put(kind_of(a), json={"kind": "private"}, headers=admin_a)
        read_by_b = await http.get(kind_of(a), headers=admin_b)
        set_by_b = await http.put(kind_of(a), json={"kind": "public"}, headers=admin_b)
        of_a = await http.get(kind_of(a), headers=admin_a)

    assert read_by_b.status_code == 404 and set_by_b.status_code == 404
    assert "private" not in read_by_b.text
    assert of_a.json() == {"kind": "private"}


async def test_a_school_outside_the_board_administrators_boards_is_not_found(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    other_board = disputes.staff_token(pupil.tenant, Role.BOARD_ADMIN, boards=("board-other",))
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        put = await http.put(kind_of(pupil), json={"kind": "private"}, headers=other_board)
    assert put.status_code == 404


async def test_a_school_the_roster_does_not_know_is_not_found(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    admin = disputes.staff_token(pupil.tenant, Role.SWV_ADMIN)
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        put = await http.put(f"/schools/{uuid4()}/kind", json={"kind": "private"}, headers=admin)
    assert put.status_code == 404
    assert put.headers["content-type"] == "application/problem+json"


async def test_a_kind_that_is_neither_public_nor_private_is_refused_as_a_problem(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    admin = disputes.staff_token(pupil.tenant, Role.SWV_ADMIN)
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        bad = await http.put(kind_of(pupil), json={"kind": "bijzonder"}, headers=admin)
        extra = await http.put(
            kind_of(pupil), json={"kind": "private", "since": "2020"}, headers=admin
        )
        of_school = await http.get(kind_of(pupil), headers=admin)
    assert bad.status_code == 422 and extra.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"
    assert of_school.json() == {"kind": "public"}
