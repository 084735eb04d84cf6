"""One classification of a refused attempt, for every service: which reason and which
credential the audit trail records, and the one seed rule of the report's event id."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from samen_contract.events.access import AccessRefusedReason as Why
from samen_contract.events.access import Credential
from samen_kit.access import Audience, RefusalReason
from samen_kit.access.refusal_book import ResourceKinds, classify
from samen_kit.refusal_counts import RefusalGroup, access_refused_event_id, window_of

pytestmark = pytest.mark.unit

STAFF, GUARDIAN = Audience.STAFF, Audience.GUARDIAN


@pytest.mark.parametrize(
    ("reason", "audience", "expected"),
    [
        (RefusalReason.MISSING, STAFF, (Why.MISSING_TOKEN, Credential.NONE)),
        (RefusalReason.MISSING, GUARDIAN, (Why.MISSING_TOKEN, Credential.NONE)),
        (RefusalReason.MALFORMED, STAFF, (Why.FORGED_TOKEN, Credential.UNREADABLE)),
        (RefusalReason.MALFORMED, GUARDIAN, (Why.FORGED_TOKEN, Credential.UNREADABLE)),
        (RefusalReason.FORGED, STAFF, (Why.FORGED_TOKEN, Credential.STAFF_TOKEN)),
        (RefusalReason.FORGED, GUARDIAN, (Why.FORGED_TOKEN, Credential.GUARDIAN_TOKEN)),
        (RefusalReason.WRONG_ISSUER, STAFF, (Why.FORGED_TOKEN, Credential.STAFF_TOKEN)),
        (RefusalReason.EXPIRED, STAFF, (Why.EXPIRED_TOKEN, Credential.STAFF_TOKEN)),
        (RefusalReason.TOO_LONG_LIVED, STAFF, (Why.EXPIRED_TOKEN, Credential.STAFF_TOKEN)),
        (RefusalReason.EXPIRED, GUARDIAN, (Why.EXPIRED_TOKEN, Credential.GUARDIAN_TOKEN)),
        # What was presented on a staff route was a guardian's token, and the reverse.
        (RefusalReason.WRONG_AUDIENCE, STAFF, (Why.WRONG_AUDIENCE, Credential.GUARDIAN_TOKEN)),
        (RefusalReason.WRONG_AUDIENCE, GUARDIAN, (Why.WRONG_AUDIENCE, Credential.STAFF_TOKEN)),
        (RefusalReason.REUSED, GUARDIAN, (Why.REUSED_TOKEN, Credential.GUARDIAN_TOKEN)),
        (RefusalReason.NOT_PERMITTED, STAFF, (Why.FORBIDDEN_ROLE, Credential.STAFF_TOKEN)),
    ],
)
def test_each_refusal_has_one_reason_and_credential(
    reason: RefusalReason, audience: Audience, expected: tuple[Why, Credential]
) -> None:
    assert classify(reason, audience) == expected


@pytest.mark.parametrize("reason", [RefusalReason.FORGED, RefusalReason.EXPIRED])
def test_a_refused_session_cookie_is_an_invalid_session(reason: RefusalReason) -> None:
    assert classify(reason, GUARDIAN, from_session=True) == (
        Why.INVALID_SESSION,
        Credential.GUARDIAN_SESSION,
    )


def test_a_later_refusal_names_the_credential_the_request_had_proven() -> None:
    refused = classify(RefusalReason.NOT_PERMITTED, GUARDIAN, accepted="guardian_session")

    assert refused == (Why.FORBIDDEN_ROLE, Credential.GUARDIAN_SESSION)


def test_a_route_is_named_by_the_longest_declared_prefix_of_its_template() -> None:
    kinds = ResourceKinds({"/meetings": "meeting", "/meetings/{id}/record": "record"}, "other")

    assert kinds.of("/meetings/{id}/record") == "record"
    assert kinds.of("/meetings/{id}") == "meeting"
    assert kinds.of("/unknown") == "other"


def test_the_report_id_depends_on_the_service_and_the_group_alone() -> None:
    at = datetime(2026, 3, 2, 9, 15, 42, tzinfo=UTC)
    group = RefusalGroup(window_of(at), "swv-1", "missing_token", "none", "GET", "/x/{id}", "x")
    same = RefusalGroup(window_of(at), "swv-1", "missing_token", "none", "GET", "/x/{id}", "x")
    later = RefusalGroup(
        window_of(datetime(2026, 3, 2, 9, 16, tzinfo=UTC)),
        "swv-1",
        "missing_token",
        "none",
        "GET",
        "/x/{id}",
        "x",
    )

    assert group.window_start == datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
    assert access_refused_event_id("consent", group) == access_refused_event_id("consent", same)
    assert access_refused_event_id("consent", group) != access_refused_event_id("meetings", group)
    assert access_refused_event_id("consent", group) != access_refused_event_id("consent", later)
