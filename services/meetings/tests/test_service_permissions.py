"""Who may do what in the meetings service: the table, as a specification."""

from __future__ import annotations

import pytest
from samen_kit.access import Role
from samen_meetings.entrypoints.permissions import PERMISSIONS

pytestmark = pytest.mark.unit

EXPECTED = {
    "meetings.read": {"ib", "teacher", "director", "trajectbegeleider", "board_admin", "swv_admin"},
    "meetings.plan": {"ib", "teacher", "director"},
    "meetings.record": {"ib", "teacher", "director"},
    "records.read": {"ib", "teacher", "director", "trajectbegeleider"},
    "staff.register": {"ib", "director", "swv_admin"},
    "staff.read": {"ib", "teacher", "director"},
    "settings.read": {"ib", "teacher", "director", "trajectbegeleider", "board_admin", "swv_admin"},
    "settings.change": {"swv_admin"},
}


def test_the_permission_table_is_exactly_this() -> None:
    assert {p: {r.value for r in roles} for p, roles in PERMISSIONS.items()} == EXPECTED


@pytest.mark.parametrize("permission", sorted(EXPECTED))
def test_the_inspectie_and_the_operator_do_nothing_here(permission: str) -> None:
    assert not PERMISSIONS.allows(Role.INSPECTIE, permission)
    assert not PERMISSIONS.allows(Role.OPERATOR, permission)


def test_board_and_swv_admins_read_meetings_but_not_what_was_said() -> None:
    for role in (Role.BOARD_ADMIN, Role.SWV_ADMIN):
        assert PERMISSIONS.allows(role, "meetings.read")
        assert not PERMISSIONS.allows(role, "records.read")
