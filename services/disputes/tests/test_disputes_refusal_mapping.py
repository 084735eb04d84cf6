"""What routes are about for the audit trail, and how errors become problems (the
classification of refusals is the kit's: tests/unit/kit_access)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from samen_disputes.domain import (
    DecisionWithoutOutcome,
    IllegalMove,
    Move,
    MoveNotPermittedForRole,
    OpeningNotAllowed,
    Role,
    Stage,
)
from samen_disputes.entrypoints.errors import PROBLEMS
from samen_disputes.entrypoints.refusals import RESOURCE_KINDS
from samen_kit.access.refusal_book import Hidden, HiddenReason

pytestmark = pytest.mark.unit

AT = datetime(2025, 3, 3, 9, 15, 42, 123, tzinfo=UTC)


def test_routes_name_the_resource_they_guard() -> None:
    assert RESOURCE_KINDS.of("/disputes/{dispute_id}/moves") == "dispute"
    assert RESOURCE_KINDS.of("/ouders/geschillen/{dispute_id}") == "dispute"
    assert RESOURCE_KINDS.of("/tenant-settings") == "tenant_settings"
    assert RESOURCE_KINDS.of("/schools/{school_id}/kind") == "school"


def test_an_illegal_move_is_a_conflict_listing_the_allowed_moves() -> None:
    problem = PROBLEMS.problem_of(IllegalMove(Move.parse("decide"), (Move.parse("resolve"),)))
    assert problem.status == 409
    assert problem.body()["allowed_moves"] == ["resolve"]


def test_a_move_the_role_may_not_make_is_forbidden() -> None:
    error = MoveNotPermittedForRole(Move.parse("decide"), Role.IB, (Move.parse("resolve"),))
    assert PROBLEMS.problem_of(error).status == 403


def test_a_decision_without_outcome_is_unprocessable() -> None:
    assert PROBLEMS.problem_of(DecisionWithoutOutcome()).status == 422


def test_an_opening_in_a_stage_not_open_lists_the_stages_that_are() -> None:
    problem = PROBLEMS.problem_of(
        OpeningNotAllowed(Stage.OBJECTION, Role.IB, (Stage.CONVERSATION,))
    )
    assert problem.status == 409
    assert problem.body()["allowed_stages"] == ["conversation"]


def test_another_tenants_dispute_looks_exactly_like_a_missing_one() -> None:
    hidden = PROBLEMS.problem_of(Hidden("dispute", HiddenReason.OTHER_TENANT, tenant="swv-b"))
    missing = PROBLEMS.problem_of(Hidden("dispute"))
    assert hidden.body() == missing.body()
    assert hidden.status == 404
