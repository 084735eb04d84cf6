"""Who may do what with the audit log."""

import pytest
from samen_audit.entrypoints.permissions import CHECK_RECEIPT, EXPORT, PERMISSIONS, READ, SIGN
from samen_audit.entrypoints.routes import route_shape
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


def test_a_refused_request_is_named_by_its_route_template_never_its_path() -> None:
    shape = route_shape("GET", "/audit/receipts/{event_id}")
    assert (shape.route, shape.resource_kind) == ("/audit/receipts/{event_id}", "consent_receipt")
    assert route_shape("GET", None).route == "/audit"
    assert route_shape("POST", "/elsewhere/{id}").resource_kind == "audit_log"
