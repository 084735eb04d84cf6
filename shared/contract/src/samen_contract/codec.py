"""Kafka records in CloudEvents binary mode: attributes as `ce_*` headers, data as JSON.

`encode` writes what any CloudEvents SDK reads; `decode` reads it back. Readers must not
crash: an unknown type comes back as its raw data with `event=None`, and anything that
cannot be read raises `MalformedRecord` with a reason, so the consumer can park it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import ValidationError

from samen_contract.envelope import DATACONTENTTYPE, Envelope
from samen_contract.errors import EnvelopeMismatch, MalformedRecord
from samen_contract.events.base import Event
from samen_contract.registry import event_class_for
from samen_contract.topics import events_topic

CE_PREFIX = "ce_"
CONTENT_TYPE = "content-type"

# aiokafka gives (name, bytes) pairs; FastStream's message.headers a dict of decoded text.
Headers = Iterable[tuple[str, bytes | str]] | Mapping[str, bytes | str]


class MalformedReason(StrEnum):
    MISSING_VALUE = "missing_value"
    BAD_HEADERS = "bad_headers"
    INVALID_ENVELOPE = "invalid_envelope"
    UNSUPPORTED_CONTENT_TYPE = "unsupported_content_type"
    INVALID_JSON = "invalid_json"
    INVALID_DATA = "invalid_data"


@dataclass(frozen=True)
class KafkaRecord:
    """What a producer sends: the owner's topic, key = subject, JSON value, headers."""

    topic: str
    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]]


class Decoded(NamedTuple):
    envelope: Envelope
    event: Event | None  # None when the type is not in this reader's registry
    data: dict[str, Any]


def _header_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")  # RFC 3339, always UTC
    return str(value)


def encode_headers(envelope: Envelope) -> list[tuple[str, bytes]]:
    """`ce_*` headers in field order, then `content-type`; absent extensions are left out."""
    headers = [
        (CE_PREFIX + name, _header_text(value).encode())
        for name, value in envelope
        if value is not None and name != "datacontenttype"
    ]
    headers.append((CONTENT_TYPE, envelope.datacontenttype.encode()))
    return headers


def encode(envelope: Envelope, event: Event) -> KafkaRecord:
    """The record for `event` on its owner's topic, keyed by the envelope's subject."""
    if envelope.type != event.event_type():
        raise EnvelopeMismatch(f"envelope of {envelope.type} around a {event.event_type()}")
    return KafkaRecord(
        topic=events_topic(envelope.service),
        key=envelope.subject.encode(),
        value=event.model_dump_json().encode(),
        headers=encode_headers(envelope),
    )


def _header_value(name: str, raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return bytes(raw).decode("utf-8")
    except (UnicodeDecodeError, TypeError) as exc:
        raise MalformedRecord(MalformedReason.BAD_HEADERS, f"header {name}: {exc}") from exc


def _header_attributes(headers: Headers) -> dict[str, str]:
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    attributes: dict[str, str] = {}
    for raw_name, raw_value in pairs:
        name = raw_name.lower()
        if name == CONTENT_TYPE:
            name = CE_PREFIX + "datacontenttype"
        if not name.startswith(CE_PREFIX):
            continue  # other headers (tracing, dead-letter notes) are not ours to read
        if name in attributes:
            raise MalformedRecord(MalformedReason.BAD_HEADERS, f"header {name} appears twice")
        attributes[name] = _header_value(name, raw_value)
    return {name.removeprefix(CE_PREFIX): value for name, value in attributes.items()}


def _describe(error: ValidationError) -> str:
    # Locations and messages only: the input values may hold anything.
    parts = (
        f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}"
        for e in error.errors(include_input=False, include_url=False)
    )
    return "; ".join(parts)


def decode_envelope(headers: Headers) -> Envelope:
    """The envelope from a record's headers; MalformedRecord when they do not make one."""
    attributes = _header_attributes(headers)
    if attributes.get("datacontenttype", DATACONTENTTYPE) != DATACONTENTTYPE:
        raise MalformedRecord(
            MalformedReason.UNSUPPORTED_CONTENT_TYPE, f"{attributes['datacontenttype']!r}"
        )
    try:
        return Envelope.model_validate(attributes)
    except ValidationError as exc:
        raise MalformedRecord(MalformedReason.INVALID_ENVELOPE, _describe(exc)) from exc


def _data(value: bytes | None) -> dict[str, Any]:
    if value is None:
        raise MalformedRecord(MalformedReason.MISSING_VALUE, "the record has no value")
    try:
        data = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedRecord(MalformedReason.INVALID_JSON, str(exc)) from exc
    if not isinstance(data, dict):
        raise MalformedRecord(MalformedReason.INVALID_JSON, "the value is not a JSON object")
    return data


def decode(value: bytes | None, headers: Headers) -> Decoded:
    """Envelope, event (None for a type this reader does not know) and the raw data."""
    envelope = decode_envelope(headers)
    data = _data(value)
    event_class = event_class_for(envelope.type)
    if event_class is None:
        return Decoded(envelope, None, data)
    try:
        return Decoded(envelope, event_class.model_validate(data), data)
    except ValidationError as exc:
        raise MalformedRecord(MalformedReason.INVALID_DATA, _describe(exc)) from exc
