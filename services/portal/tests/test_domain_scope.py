"""Who sees which pupil: a teacher their own groups, an intern begeleider their
schools, a board admin their boards, the samenwerkingsverband its tenant; never another
tenant's pupil."""

from __future__ import annotations

from uuid import uuid4

import pytest
from samen_kit.access import Role, StaffPrincipal
from samen_portal.domain.scope import Place, Viewer, may_see, reach, sees_overview

pytestmark = pytest.mark.unit

TENANT = "swv-test"
SCHOOL, OTHER_SCHOOL = uuid4(), uuid4()
BOARD = str(uuid4())


def viewer(role: Role, *, groups: frozenset[str] = frozenset(), tenant: str = TENANT) -> Viewer:
    principal = StaffPrincipal(
        subject="s-1",
        role=role,
        tenant=tenant,
        boards=frozenset({BOARD}),
        schools=frozenset({str(SCHOOL)}),
    )
    return Viewer(principal, groups)


def test_a_teacher_sees_only_pupils_of_their_own_groups() -> None:
    teacher = viewer(Role.TEACHER, groups=frozenset({"7b"}))
    assert may_see(teacher, Place(TENANT, SCHOOL, BOARD, "7b"))
    assert not may_see(teacher, Place(TENANT, SCHOOL, BOARD, "8a"))
    assert not may_see(teacher, Place(TENANT, SCHOOL, BOARD, None))
    assert not may_see(teacher, Place(TENANT, OTHER_SCHOOL, BOARD, "7b"))


def test_an_intern_begeleider_sees_their_school_whatever_the_group() -> None:
    ib = viewer(Role.IB)
    assert may_see(ib, Place(TENANT, SCHOOL, None, "8a"))
    assert not may_see(ib, Place(TENANT, OTHER_SCHOOL, BOARD, "8a"))


def test_a_board_admin_sees_every_school_of_their_board() -> None:
    admin = viewer(Role.BOARD_ADMIN)
    assert may_see(admin, Place(TENANT, OTHER_SCHOOL, BOARD))
    assert not may_see(admin, Place(TENANT, OTHER_SCHOOL, str(uuid4())))


def test_the_samenwerkingsverband_sees_its_tenant_and_nothing_else() -> None:
    staff = viewer(Role.SWV_STAFF)
    assert may_see(staff, Place(TENANT, uuid4(), None))
    assert not may_see(staff, Place("other-swv", uuid4(), None))
    assert not may_see(viewer(Role.IB, tenant="other-swv"), Place(TENANT, SCHOOL))


def test_reach_lists_what_may_see_allows() -> None:
    assert reach(viewer(Role.SWV_STAFF)).schools is None
    teacher = reach(viewer(Role.TEACHER, groups=frozenset({"7b"})))
    assert teacher.groups == frozenset({"7b"}) and teacher.boards == frozenset()
    assert reach(viewer(Role.BOARD_ADMIN)).boards == frozenset({BOARD})


def test_the_overview_is_for_the_samenwerkingsverband_and_boards() -> None:
    assert sees_overview(viewer(Role.SWV_STAFF))
    assert sees_overview(viewer(Role.BOARD_ADMIN))
    assert not sees_overview(viewer(Role.IB))
    assert not sees_overview(viewer(Role.TEACHER))
