"""How refusals are named for the audit trail, and how errors become problems."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from samen_contract.events.access import AccessRefusedReason, Credential
from samen_disputes.domain import (
    DecisionWithoutOutcome,
    IllegalMove,
    Move,
    MoveNotPermittedForRole,
    OpeningNotAllowed,
    Role,
    Stage,
)
from samen_disputes.entrypoints.errors import domain_problem, service_problem
from samen_disputes.entrypoints.refusals import kit_credential, kit_reason, resource_kind
from samen_disputes.handlers import errors
from samen_disputes.handlers.refusals import refusal_group, window_of
from samen_kit.access import Audience, ProvenClaims, Refusal, RefusalReason

pytestmark = pytest.mark.unit

AT = datetime(2025, 3, 3, 9, 15, 42, 123, tzinfo=UTC)


def refusal(reason: RefusalReason, audience: Audience = Audience.GUARDIAN) -> Refusal:
    return Refusal(reason, audience, AT, "/ouders/geschillen", ProvenClaims())


def scope(*, cookie: bool = False, token: bool = False) -> dict[str, object]:
    headers = [(b"cookie", b"samen_guardian_session=abc")] if cookie else []
    return {"headers": headers, "query_string": b"token=x" if token else b""}


def test_an_expired_session_cookie_is_an_invalid_session() -> None:
    expired = refusal(RefusalReason.EXPIRED)
    credential = kit_credential(expired, scope(cookie=True))
    assert credential is Credential.GUARDIAN_SESSION
    assert kit_reason(expired, credential) is AccessRefusedReason.INVALID_SESSION


def test_an_expired_link_is_an_expired_token() -> None:
    expired = refusal(RefusalReason.EXPIRED)
    credential = kit_credential(expired, scope(token=True))
    assert credential is Credential.GUARDIAN_TOKEN
    assert kit_reason(expired, credential) is AccessRefusedReason.EXPIRED_TOKEN


def test_no_credential_at_all_is_a_missing_token() -> None:
    missing = refusal(RefusalReason.MISSING, Audience.STAFF)
    credential = kit_credential(missing, None)
    assert credential is Credential.NONE
    assert kit_reason(missing, credential) is AccessRefusedReason.MISSING_TOKEN


def test_a_staff_role_without_the_permission_is_a_forbidden_role() -> None:
    refused = refusal(RefusalReason.NOT_PERMITTED, Audience.STAFF)
    credential = kit_credential(refused, None)
    assert kit_reason(refused, credential) is AccessRefusedReason.FORBIDDEN_ROLE


def test_refusals_are_grouped_per_minute_and_for_no_tenant_when_none_is_proven() -> None:
    group = refusal_group(
        at=AT,
        tenant=None,
        reason=AccessRefusedReason.FORGED_TOKEN,
        credential=Credential.GUARDIAN_TOKEN,
        method="post",
        route="/ouders/geschillen",
        resource_kind="dispute",
    )
    assert group.window_start == window_of(AT) == datetime(2025, 3, 3, 9, 15, tzinfo=UTC)
    assert (group.tenant, group.method) == ("platform", "POST")


def test_routes_name_the_resource_they_guard() -> None:
    assert resource_kind("/disputes/{dispute_id}/moves") == "dispute"
    assert resource_kind("/ouders/geschillen/{dispute_id}") == "dispute"
    assert resource_kind("/tenant-settings") == "tenant_settings"


def test_an_illegal_move_is_a_conflict_listing_the_allowed_moves() -> None:
    problem = domain_problem(IllegalMove(Move.parse("decide"), (Move.parse("resolve"),)))
    assert problem.status == 409
    assert problem.body()["allowed_moves"] == ["resolve"]


def test_a_move_the_role_may_not_make_is_forbidden() -> None:
    error = MoveNotPermittedForRole(Move.parse("decide"), Role.IB, (Move.parse("resolve"),))
    assert domain_problem(error).status == 403


def test_a_decision_without_outcome_is_unprocessable() -> None:
    assert domain_problem(DecisionWithoutOutcome()).status == 422


def test_an_opening_in_a_stage_not_open_lists_the_stages_that_are() -> None:
    problem = domain_problem(OpeningNotAllowed(Stage.OBJECTION, Role.IB, (Stage.CONVERSATION,)))
    assert problem.status == 409
    assert problem.body()["allowed_stages"] == ["conversation"]


def test_another_tenants_dispute_looks_exactly_like_a_missing_one() -> None:
    hidden = service_problem(errors.NotFound("dispute", errors.Hidden.OTHER_TENANT, "swv-b"))
    missing = service_problem(errors.NotFound("dispute"))
    assert hidden.body() == missing.body()
    assert hidden.status == 404
