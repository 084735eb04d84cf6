"""A standard CloudEvents SDK, written by nobody here, reads what `encode` writes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from cloudevents.core.bindings import kafka as ce_kafka
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent
from cloudevents.v1 import kafka as ce_kafka_v1
from samen_contract import Envelope
from samen_contract.codec import KafkaRecord, decode, encode
from samen_contract.events.consent import PupilEnrolled

pytestmark = pytest.mark.unit

EnvelopeFor = Callable[..., Envelope]
EXTENSIONS = ("tenant", "board", "school", "correlationid", "causationid", "actor", "sequence")


@pytest.fixture
def record_and_envelope(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> tuple[KafkaRecord, Envelope]:
    envelope = envelope_for(pupil_enrolled)
    return encode(envelope, pupil_enrolled), envelope


def test_the_sdk_reads_every_attribute_and_extension(
    record_and_envelope: tuple[KafkaRecord, Envelope], pupil_enrolled: PupilEnrolled
) -> None:
    record, envelope = record_and_envelope
    message = ce_kafka.KafkaMessage(
        headers=dict(record.headers), key=record.key, value=record.value
    )
    event = ce_kafka.from_binary(message, JSONFormat(), CloudEvent)

    assert event.get_id() == envelope.id
    assert event.get_source() == envelope.source
    assert event.get_type() == envelope.type
    assert event.get_specversion() == "1.0"
    assert event.get_time() == envelope.time
    assert event.get_subject() == envelope.subject
    assert event.get_dataschema() == envelope.dataschema
    assert event.get_datacontenttype() == "application/json"
    for name in EXTENSIONS:
        assert event.get_extension(name) == str(getattr(envelope, name))
    assert event.get_extension("partitionkey") == envelope.subject
    assert event.get_data() == pupil_enrolled.model_dump(mode="json")


def test_the_sdks_older_kafka_api_reads_it_too(
    record_and_envelope: tuple[KafkaRecord, Envelope], pupil_enrolled: PupilEnrolled
) -> None:
    record, envelope = record_and_envelope
    message = ce_kafka_v1.KafkaMessage(dict(record.headers), record.key, record.value)
    event = ce_kafka_v1.from_binary(message)
    attributes = event.get_attributes()
    assert attributes["type"] == envelope.type
    assert attributes["actor"] == envelope.actor
    assert attributes["sequence"] == "7"
    assert event.get_data() == pupil_enrolled.model_dump(mode="json")


def test_a_record_written_by_the_sdk_is_read_by_decode(
    pupil_enrolled: PupilEnrolled,
) -> None:
    event_type = PupilEnrolled.event_type()
    attributes = {
        "id": "7b0f3a64-2d1e-4f59-8c5a-0e6d2b1a9c77",
        "source": "/samen/consent",
        "type": event_type,
        "time": datetime(2025, 9, 1, 8, 30, tzinfo=UTC),
        "subject": str(pupil_enrolled.pupil_id),
        "dataschema": f"urn:samen:schema:{event_type}",
        "datacontenttype": "application/json",
        "tenant": "swv-utrecht",
        "correlationid": "req-1",
        "actor": "system:roster.import",
        "sequence": "3",
    }
    sdk_event = CloudEvent(attributes, pupil_enrolled.model_dump(mode="json"))
    message = ce_kafka.to_binary(sdk_event, JSONFormat(), key_mapper=lambda e: e.get_subject())

    envelope, event, _ = decode(message.value, message.headers)
    assert event == pupil_enrolled
    assert envelope.sequence == 3
    assert envelope.time == datetime(2025, 9, 1, 8, 30, tzinfo=UTC)
