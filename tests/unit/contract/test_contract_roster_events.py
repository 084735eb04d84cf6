"""The consent service's roster events and AccessRefused: what they accept and refuse."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from uuid import uuid4

import pytest
from pydantic import ValidationError
from samen_contract.errors import UnknownService
from samen_contract.events.access import AccessRefused
from samen_contract.events.consent import GuardianshipRecorded, GuardianStanding, PupilEnrolled

pytestmark = pytest.mark.unit


def _refusal(**overrides: Any) -> dict[str, Any]:
    return {
        "reason": "forged_token",
        "credential": "unreadable",
        "method": "GET",
        "route": "/consent/requests/{request_id}",
        "resource_kind": "consent_request",
        "window_start": datetime(2025, 9, 1, 8, 30, tzinfo=UTC),
        "count": 1,
    } | overrides


def test_a_guardian_stands_with_authority_or_only_the_right_to_information() -> None:
    assert {s.value for s in GuardianStanding} == {"parental_authority", "information_right"}
    with pytest.raises(ValidationError):
        GuardianshipRecorded(pupil_id=uuid4(), guardian_id=uuid4(), standing="grandparent")


def test_events_are_immutable_facts() -> None:
    event = PupilEnrolled(pupil_id=uuid4(), school_id=uuid4(), enrolled_on=date(2025, 8, 18))
    with pytest.raises(ValidationError):
        event.enrolled_on = date(2025, 8, 19)  # type: ignore[misc]


def test_ids_on_the_bus_are_uuids_not_school_numbers() -> None:
    with pytest.raises(ValidationError):
        PupilEnrolled(pupil_id="123456", school_id=uuid4(), enrolled_on=date(2025, 8, 18))


def test_access_refused_counts_one_minute_in_utc() -> None:
    cet = timezone(timedelta(hours=1))
    event_class = AccessRefused.for_service("consent")
    refused = event_class(**_refusal(window_start=datetime(2025, 12, 1, 9, 30, tzinfo=cet)))
    assert refused.window_start == datetime(2025, 12, 1, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "overrides",
    [
        {"window_start": datetime(2025, 9, 1, 8, 30, 5, tzinfo=UTC)},  # not a minute start
        {"window_start": datetime(2025, 9, 1, 8, 30)},  # naive
        {"count": 0},
        {"reason": "bad_luck"},
        {"route": "/consent/requests/?email=jan@example.org"},  # a route template only
        {"method": "get"},
    ],
)
def test_access_refused_refuses_what_is_not_an_aggregate(overrides: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        AccessRefused.for_service("consent")(**_refusal(**overrides))


def test_access_refused_covers_the_reasons_the_access_kit_reports() -> None:
    required = {"forged_token", "expired_token", "reused_token", "wrong_audience"}
    required |= {"other_tenant", "not_found", "forbidden_role"}
    event_class = AccessRefused.for_service("audit")
    for reason in required:
        assert event_class(**_refusal(reason=reason)).reason == reason


def test_access_refused_of_each_service_is_one_kind_of_event() -> None:
    consent, meetings = AccessRefused.for_service("consent"), AccessRefused.for_service("meetings")
    assert consent is not meetings
    assert isinstance(consent(**_refusal()), AccessRefused)
    assert consent.__name__ == meetings.__name__ == "AccessRefused"
    with pytest.raises(UnknownService):
        AccessRefused.for_service("billing")


def test_the_abstract_access_refused_has_no_type() -> None:
    with pytest.raises(TypeError):
        AccessRefused.event_type()
