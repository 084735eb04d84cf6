"""What a staff member covers: listed schools, a board admin's boards, or everything."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from samen_kit.access import Role
from samen_kit.access import StaffPrincipal as Staff

pytestmark = pytest.mark.unit


def principal(role: Role, schools: Iterable[str] = (), boards: Iterable[str] = ()) -> Staff:
    return Staff("s", role, "swv", frozenset(boards), frozenset(schools))


def test_a_teacher_covers_only_the_listed_schools() -> None:
    teacher = principal(Role.TEACHER, schools={"a"}, boards={"b"})

    assert teacher.covers_school("a")
    assert not teacher.covers_school("c", board_id="b")


def test_a_board_admin_covers_every_school_of_a_listed_board() -> None:
    admin = principal(Role.BOARD_ADMIN, boards={"b"})

    assert admin.covers_school("any", board_id="b")
    assert not admin.covers_school("any", board_id="other")
    assert not admin.covers_school("any")


@pytest.mark.parametrize("role", [Role.SWV_ADMIN, Role.INSPECTIE, Role.OPERATOR])
def test_tenant_wide_roles_cover_every_school(role: Role) -> None:
    assert principal(role).covers_school("anything")
    assert principal(role).covers_board("anything")
