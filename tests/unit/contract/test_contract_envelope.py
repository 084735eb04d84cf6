from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import UUID, uuid4

import pytest
from pydantic import ValidationError
from samen_contract import Envelope, deterministic_event_id
from samen_contract.events.access import AccessRefused
from samen_contract.events.consent import PupilEnrolled

pytestmark = pytest.mark.unit

EnvelopeFor = Callable[..., Envelope]


def test_the_envelope_takes_type_source_and_schema_from_the_event(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    envelope = envelope_for(pupil_enrolled)
    assert envelope.type == "samen.consent.PupilEnrolled.v1"
    assert envelope.source == "/samen/consent"
    assert envelope.dataschema == "urn:samen:schema:samen.consent.PupilEnrolled.v1"
    assert envelope.specversion == "1.0"
    assert envelope.datacontenttype == "application/json"
    assert envelope.subject == str(pupil_enrolled.pupil_id)
    assert envelope.service == "consent"


def test_access_refused_carries_the_emitting_services_type_and_source(
    envelope_for: EnvelopeFor,
) -> None:
    refused = AccessRefused.for_service("meetings")(
        reason="reused_token",
        credential="guardian_token",
        method="POST",
        route="/meetings/invitations/{invitation_id}/answer",
        resource_kind="invitation",
        window_start=datetime(2025, 9, 1, 8, 30, tzinfo=UTC),
        count=12,
    )
    envelope = envelope_for(refused, subject="swv-utrecht", actor="system:access-guard")
    assert envelope.type == "samen.meetings.AccessRefused.v1"
    assert envelope.source == "/samen/meetings"


def test_a_chain_starts_correlated_with_itself(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    envelope = envelope_for(pupil_enrolled, causationid=None)
    assert envelope.correlationid == envelope.id
    assert envelope.causationid is None
    assert UUID(envelope.id).version == 4


def test_an_event_caused_by_another_keeps_its_correlation_and_names_its_cause(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    cause = envelope_for(pupil_enrolled, correlationid="req-7f3a")
    effect = envelope_for(pupil_enrolled, causationid=None, caused_by=cause)
    assert effect.correlationid == "req-7f3a"
    assert effect.causationid == cause.id


def test_a_scheduler_passes_a_deterministic_id(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    due = deterministic_event_id("PupilEnrolled", str(pupil_enrolled.pupil_id))
    assert envelope_for(pupil_enrolled, id=due).id == str(due)


def test_time_is_kept_in_utc(pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor) -> None:
    amsterdam_summer = timezone(timedelta(hours=2))
    envelope = envelope_for(
        pupil_enrolled, time=datetime(2025, 9, 1, 10, 0, tzinfo=amsterdam_summer)
    )
    assert envelope.time == datetime(2025, 9, 1, 8, 0, tzinfo=UTC)
    assert envelope.time.utcoffset() == timedelta(0)


def test_time_defaults_to_now_when_no_clock_time_is_passed(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    before = datetime.now(UTC)
    envelope = envelope_for(pupil_enrolled, time=None)
    assert before <= envelope.time <= datetime.now(UTC)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("time", datetime(2025, 9, 1, 8, 0)),  # naive: no timezone
        ("sequence", 0),
        ("actor", "jan.jansen@example.org"),
        ("actor", "janitor:1"),
        ("tenant", "SWV Utrecht"),  # ids are slugs or UUIDs, not free text
        ("subject", "Jan Jansen"),
        ("id", "not-a-uuid"),
        ("correlationid", "a b"),
    ],
)
def test_an_invalid_attribute_is_refused(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor, field: str, value: Any
) -> None:
    with pytest.raises(ValidationError):
        envelope_for(pupil_enrolled, **{field: value})


def test_source_and_dataschema_must_match_the_type(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    attributes = envelope_for(pupil_enrolled).model_dump()
    with pytest.raises(ValidationError, match="source"):
        Envelope.model_validate(attributes | {"source": "/samen/meetings"})
    with pytest.raises(ValidationError, match="dataschema"):
        Envelope.model_validate(
            attributes | {"dataschema": "urn:samen:schema:samen.consent.PupilLeft.v1"}
        )


def test_the_envelope_is_immutable(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    envelope = envelope_for(pupil_enrolled)
    with pytest.raises(ValidationError):
        envelope.sequence = 8  # type: ignore[misc]


def test_ids_given_as_uuids_are_stored_as_their_text(pupil_enrolled: PupilEnrolled) -> None:
    tenant, event_id = uuid4(), uuid4()
    envelope = Envelope.for_event(
        pupil_enrolled, tenant=tenant, subject=tenant, actor="system:x", sequence=1, id=event_id
    )
    assert (envelope.tenant, envelope.subject, envelope.id) == (str(tenant),) * 2 + (str(event_id),)
