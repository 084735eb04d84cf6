from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_contract import Envelope
from samen_contract.codec import MalformedReason, decode, decode_envelope, encode
from samen_contract.errors import EnvelopeMismatch, MalformedRecord
from samen_contract.events.consent import GuardianshipRecorded, PupilEnrolled, PupilLeft

pytestmark = pytest.mark.unit

EnvelopeFor = Callable[..., Envelope]


def test_a_record_goes_to_the_owners_topic_keyed_by_the_subject(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    record = encode(envelope_for(pupil_enrolled), pupil_enrolled)
    assert record.topic == "samen.consent.events"
    assert record.key == str(pupil_enrolled.pupil_id).encode()


def test_attributes_travel_as_ce_headers_and_the_data_as_json(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    envelope = envelope_for(pupil_enrolled)
    record = encode(envelope, pupil_enrolled)
    headers = dict(record.headers)
    assert headers["ce_type"] == b"samen.consent.PupilEnrolled.v1"
    assert headers["ce_time"] == b"2025-09-01T08:30:15.123456Z"
    assert headers["ce_sequence"] == b"7"
    assert headers["ce_actor"] == envelope.actor.encode()
    assert headers["content-type"] == b"application/json"
    assert json.loads(record.value) == {
        "pupil_id": str(pupil_enrolled.pupil_id),
        "school_id": str(pupil_enrolled.school_id),
        "enrolled_on": "2025-08-18",
        "group": None,  # optional: a roster without class groups
    }


def test_absent_optional_extensions_send_no_header(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    record = encode(envelope_for(pupil_enrolled, board=None, causationid=None), pupil_enrolled)
    names = [name for name, _ in record.headers]
    assert "ce_board" not in names
    assert "ce_causationid" not in names
    assert len(names) == len(set(names))


def test_decode_gives_back_the_same_envelope_and_event(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    envelope = envelope_for(pupil_enrolled)
    record = encode(envelope, pupil_enrolled)
    decoded = decode(record.value, record.headers)
    assert decoded.envelope == envelope
    assert decoded.event == pupil_enrolled
    assert decode_envelope(dict(record.headers)) == envelope


def test_headers_already_decoded_to_text_are_read_too(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    envelope = envelope_for(pupil_enrolled)
    record = encode(envelope, pupil_enrolled)
    text_headers = {name: value.decode() for name, value in record.headers}
    assert decode(record.value, text_headers).envelope == envelope


def test_an_envelope_around_another_event_is_refused(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    left = PupilLeft(pupil_id=uuid4(), school_id=uuid4(), left_on=date(2026, 7, 10))
    with pytest.raises(EnvelopeMismatch):
        encode(envelope_for(pupil_enrolled), left)


def test_a_reader_ignores_fields_it_does_not_know(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    record = encode(envelope_for(pupil_enrolled), pupil_enrolled)
    newer = json.loads(record.value) | {"added_in_a_later_minor": "x"}
    headers = [*record.headers, ("ce_newextension", b"y"), ("traceparent", b"00-abc")]
    decoded = decode(json.dumps(newer).encode(), headers)
    assert decoded.event == pupil_enrolled
    assert decoded.data["added_in_a_later_minor"] == "x"


def test_an_unknown_type_comes_back_as_raw_data_without_crashing(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    record = encode(envelope_for(pupil_enrolled), pupil_enrolled)
    future = "samen.consent.PupilEnrolled.v2"
    headers = [
        (name, value) for name, value in record.headers if name not in ("ce_type", "ce_dataschema")
    ] + [("ce_type", future.encode()), ("ce_dataschema", f"urn:samen:schema:{future}".encode())]
    decoded = decode(b'{"pupil_id": "p", "campus": 3}', headers)
    assert decoded.event is None
    assert decoded.envelope.type == future
    assert decoded.data == {"pupil_id": "p", "campus": 3}


def _without(headers: list[tuple[str, bytes]], name: str) -> list[tuple[str, bytes]]:
    return [(n, v) for n, v in headers if n != name]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda h, v: (_without(h, "ce_id"), v), MalformedReason.INVALID_ENVELOPE),
        (lambda h, v: (_without(h, "ce_sequence"), v), MalformedReason.INVALID_ENVELOPE),
        (lambda h, v: ([*h, ("ce_id", b"x")], v), MalformedReason.BAD_HEADERS),
        (lambda h, v: ([*h, ("ce_actor2", b"\xff")], v), MalformedReason.BAD_HEADERS),
        (
            lambda h, v: ([*_without(h, "content-type"), ("content-type", b"text/xml")], v),
            MalformedReason.UNSUPPORTED_CONTENT_TYPE,
        ),
        (lambda h, v: (h, None), MalformedReason.MISSING_VALUE),
        (lambda h, v: (h, b"{not json"), MalformedReason.INVALID_JSON),
        (lambda h, v: (h, b"[1, 2]"), MalformedReason.INVALID_JSON),
        (lambda h, v: (h, b'{"pupil_id": "x"}'), MalformedReason.INVALID_DATA),
    ],
)
def test_a_malformed_record_raises_with_its_reason(
    pupil_enrolled: PupilEnrolled,
    envelope_for: EnvelopeFor,
    change: Callable[
        [list[tuple[str, bytes]], bytes], tuple[list[tuple[str, bytes]], bytes | None]
    ],
    reason: MalformedReason,
) -> None:
    record = encode(envelope_for(pupil_enrolled), pupil_enrolled)
    headers, value = change(record.headers, record.value)
    with pytest.raises(MalformedRecord) as raised:
        decode(value, headers)
    assert raised.value.reason == reason


def test_the_reason_of_a_malformed_record_does_not_repeat_its_values(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    record = encode(envelope_for(pupil_enrolled), pupil_enrolled)
    with pytest.raises(MalformedRecord) as raised:
        decode(b'{"pupil_id": "jan.jansen@example.org"}', record.headers)
    assert "pupil_id" in raised.value.detail
    assert "jansen" not in str(raised.value)


_ids = st.uuids().map(str) | st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)


@given(
    tenant=_ids,
    school=st.none() | _ids,
    sequence=st.integers(min_value=1, max_value=2**53),
    time=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    standing=st.sampled_from(["parental_authority", "information_right"]),
    role=st.sampled_from(["guardian", "ib", "swv_admin"]),
)
def test_every_valid_event_survives_encode_and_decode(
    tenant: str, school: str | None, sequence: int, time: datetime, standing: str, role: str
) -> None:
    event = GuardianshipRecorded(pupil_id=uuid4(), guardian_id=uuid4(), standing=standing)
    envelope = Envelope.for_event(
        event,
        tenant=tenant,
        subject=event.pupil_id,
        actor=f"{role}:{uuid4()}",
        sequence=sequence,
        school=school,
        time=time,
    )
    record = encode(envelope, event)
    assert decode(record.value, record.headers) == (envelope, event, json.loads(record.value))
