"""The leaf entry of an event: the bytes the Merkle tree commits to.

An event becomes the RFC 8785 canonical JSON of its CloudEvents attributes
(extensions included) and its data. An event that cannot be read that way is
kept all the same, as its raw bytes with a flag: the trail must be complete.
"""

import base64
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import orjson

from samen_archive.jcs import canonical_json

# Values are whatever json.loads gives; rfc8785 refuses anything else.
JsonObject = Mapping[str, Any]

CE_HEADER_PREFIX = "ce_"
CONTENT_TYPE_HEADER = "content-type"
REQUIRED_ATTRIBUTES = ("id", "source", "type", "specversion")
_REQUIRED = frozenset(REQUIRED_ATTRIBUTES)


class EntryFlag(StrEnum):
    """Why an entry holds raw bytes instead of parsed data."""

    UNPARSEABLE = "unparseable"
    UNKNOWN_TYPE = "unknown_type"


class UnreadableEntry(ValueError):
    """The bytes are not an entry this module wrote."""


@dataclass(frozen=True)
class EntryFacts:
    """What can be read back from an entry without trusting anything else."""

    event_id: str | None
    event_type: str | None
    tenant: str | None
    flag: EntryFlag | None


def event_entry(attributes: JsonObject, data: JsonObject) -> bytes:
    """Canonical bytes of a readable event; raises ``rfc8785.CanonicalizationError``."""
    return canonical_json({"attributes": dict(attributes), "data": dict(data)})


def flagged_entry(attributes: Mapping[str, str], raw: bytes, flag: EntryFlag) -> bytes:
    """Canonical bytes of an event kept whole but unread: readable headers and raw body."""
    return canonical_json(
        {
            "attributes": dict(attributes),
            "raw": base64.b64encode(raw).decode("ascii"),
            "flag": flag.value,
        }
    )


@dataclass(frozen=True)
class ReadRecord:
    """A record read for the log: its entry, and what was readable on the way."""

    entry: bytes
    attributes: dict[str, str]
    data: dict[str, object] | None  # None when the entry is flagged
    flag: EntryFlag | None


def entry_from_binary_mode(
    headers: Iterable[tuple[str, bytes]],
    value: bytes,
    is_known_type: Callable[[str], bool],
) -> bytes:
    """The entry of a record in CloudEvents Kafka binary mode, never failing.

    ``is_known_type`` says whether the contract knows a ``type``; the audit log
    keeps an event it does not know, but says so.
    """
    return read_binary_mode(headers, value, is_known_type).entry


def read_binary_mode(
    headers: Iterable[tuple[str, bytes]],
    value: bytes,
    is_known_type: Callable[[str], bool],
) -> ReadRecord:
    """``entry_from_binary_mode`` with the attributes and data it read; never fails."""
    attributes = attributes_from_headers(headers)
    if not attributes.keys() >= _REQUIRED:
        return _flagged(attributes, value, EntryFlag.UNPARSEABLE)
    if not is_known_type(attributes["type"]):
        return _flagged(attributes, value, EntryFlag.UNKNOWN_TYPE)
    try:
        data = parse_json_object(value)
        return ReadRecord(event_entry(attributes, data), attributes, data, None)
    except ValueError:  # includes rfc8785.CanonicalizationError
        return _flagged(attributes, value, EntryFlag.UNPARSEABLE)


def _flagged(attributes: dict[str, str], value: bytes, flag: EntryFlag) -> ReadRecord:
    return ReadRecord(flagged_entry(attributes, value, flag), attributes, None, flag)


def attributes_from_headers(headers: Iterable[tuple[str, bytes]]) -> dict[str, str]:
    """The CloudEvents attributes among Kafka headers; unreadable ones are skipped."""
    attributes: dict[str, str] = {}
    for name, raw in headers:
        key = _attribute_name(name)
        if key is None:
            continue
        try:
            attributes[key] = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return attributes


@functools.lru_cache(maxsize=1024)  # the platform's header names are a few dozen
def _attribute_name(header: str) -> str | None:
    lowered = header.lower()
    if lowered == CONTENT_TYPE_HEADER:
        return "datacontenttype"
    if lowered.startswith(CE_HEADER_PREFIX) and len(lowered) > len(CE_HEADER_PREFIX):
        return lowered[len(CE_HEADER_PREFIX) :]
    return None


def parse_json_object(value: bytes) -> dict[str, object]:
    """Strict JSON: an object, no NaN or Infinity, no duplicate keys."""
    quick = _as_written(value)
    if quick is not None:
        return quick
    # As `json.loads` reads bytes, without building a decoder for every call.
    parsed = _STRICT.decode(value.decode(json.detect_encoding(value), "surrogatepass"))
    if not isinstance(parsed, dict):
        raise ValueError("event data must be a JSON object")
    return parsed


def _as_written(value: bytes) -> dict[str, object] | None:
    """The object, when orjson writes it back byte for byte (compact JSON, as the
    contract's events are written); None otherwise, and the strict parser decides.

    Bytes that are orjson's output of a dict hold each key once and no NaN, so the
    strict parser would read the very same values from them; orjson reads them several
    times faster and the comparison is a `memcmp`.
    """
    try:
        parsed = orjson.loads(value)
        if type(parsed) is dict and orjson.dumps(parsed) == value:
            return parsed
    except (ValueError, TypeError):  # orjson's errors: the strict parser says why, or reads it
        pass
    return None


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key in JSON object")
    return result


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


# Built once: `json.loads` with hooks builds a decoder per call.
_STRICT = json.JSONDecoder(object_pairs_hook=_unique_keys, parse_constant=_no_constant)


def read_entry_facts(entry: bytes) -> EntryFacts:
    """Event id, type, tenant and flag of an entry; raises ``UnreadableEntry``."""
    try:
        parsed = orjson.loads(entry)  # the verifier reads every entry: the fast parser
    except ValueError as error:
        raise UnreadableEntry("entry is not JSON") from error
    attributes = parsed.get("attributes") if isinstance(parsed, dict) else None
    if not isinstance(attributes, dict):
        raise UnreadableEntry("entry has no attributes")
    return EntryFacts(
        event_id=_text(attributes.get("id")),
        event_type=_text(attributes.get("type")),
        tenant=_text(attributes.get("tenant")),
        flag=_flag(parsed.get("flag")),
    )


def _flag(value: object) -> EntryFlag | None:
    try:
        return EntryFlag(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
