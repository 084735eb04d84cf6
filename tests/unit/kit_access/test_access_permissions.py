"""The role table: declared once per service, checked when routes are declared."""

from __future__ import annotations

import pytest
from samen_kit.access import PermissionTable, Role

pytestmark = pytest.mark.unit

TABLE = PermissionTable({"meeting.record": [Role.IB, Role.TRAJECTBEGELEIDER]})


def test_the_table_allows_exactly_the_listed_roles() -> None:
    assert TABLE.allows(Role.IB, "meeting.record")
    assert not TABLE.allows(Role.TEACHER, "meeting.record")


def test_the_table_reads_as_a_mapping_of_frozen_role_sets() -> None:
    assert dict(TABLE) == {"meeting.record": frozenset({Role.IB, Role.TRAJECTBEGELEIDER})}


def test_requiring_an_unknown_permission_fails_when_the_route_is_declared() -> None:
    with pytest.raises(KeyError):
        TABLE.require("meeting.recrod")
