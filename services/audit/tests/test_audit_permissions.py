"""Who may do what with the audit log."""

import pytest
from samen_audit.entrypoints.permissions import CHECK_RECEIPT, EXPORT, PERMISSIONS, READ, SIGN
from samen_audit.entrypoints.routes import RESOURCE_KINDS
from samen_kit.access import Role

pytestmark = pytest.mark.unit


def test_only_the_inspectie_and_the_swv_admin_may_export() -> None:
    assert {role for role in Role if PERMISSIONS.allows(role, EXPORT)} == {
        Role.INSPECTIE,
        Role.SWV_ADMIN,
    }


def test_tree_heads_and_proofs_are_for_the_inspectie_the_swv_admin_and_operators() -> None:
    for permission in (READ, SIGN):
        assert PERMISSIONS[permission] == {Role.INSPECTIE, Role.SWV_ADMIN, Role.OPERATOR}


def test_any_staff_member_may_check_a_consent_receipt() -> None:
    assert PERMISSIONS[CHECK_RECEIPT] == set(Role)


def test_a_refused_request_is_named_by_what_its_route_template_is_about() -> None:
    assert RESOURCE_KINDS.of("/audit/receipts/{event_id}") == "consent_receipt"
    assert RESOURCE_KINDS.of("/audit/tree-heads/{tree_size}") == "tree_head"
    assert RESOURCE_KINDS.of("/unknown") == "audit_log"
