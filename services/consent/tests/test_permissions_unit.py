"""Who may do what in the consent service: the table, role by role."""

from __future__ import annotations

import pytest
from samen_consent.entrypoints.permissions import PERMISSIONS
from samen_kit.access import Role

pytestmark = pytest.mark.unit


def allowed(permission: str) -> set[Role]:
    return set(PERMISSIONS[permission])


def test_the_ib_and_the_director_ask_and_stop_requests_and_nobody_else() -> None:
    assert allowed("requests.create") == {Role.IB, Role.DIRECTOR}
    assert allowed("requests.cancel") == {Role.IB, Role.DIRECTOR}


def test_only_the_ib_records_a_pupils_answer_as_witness() -> None:
    assert allowed("pupil_answers.record") == {Role.IB}


def test_the_roster_is_imported_by_the_school_or_an_administrator_not_a_teacher() -> None:
    assert allowed("roster.import") == {
        Role.IB,
        Role.DIRECTOR,
        Role.BOARD_ADMIN,
        Role.SWV_ADMIN,
        Role.OPERATOR,
    }


def test_the_trajectbegeleider_may_ask_may_we_but_sees_no_roster_evidence_or_needs() -> None:
    adviser = Role.TRAJECTBEGELEIDER
    assert PERMISSIONS.allows(adviser, "status.read")
    for permission in ("roster.read", "evidence.read", "support_needs.read", "requests.read"):
        assert not PERMISSIONS.allows(adviser, permission)


def test_the_inspectie_reads_the_audit_service_not_this_one() -> None:
    assert [p for p in PERMISSIONS if PERMISSIONS.allows(Role.INSPECTIE, p)] == []


def test_the_catalogue_is_the_samenwerkingsverbands_to_change() -> None:
    assert allowed("purposes.manage") == {Role.SWV_ADMIN, Role.OPERATOR}
    assert Role.TEACHER in allowed("purposes.read")


def test_what_a_parent_said_they_need_is_for_the_ib_and_the_director() -> None:
    assert allowed("support_needs.read") == {Role.IB, Role.DIRECTOR}
