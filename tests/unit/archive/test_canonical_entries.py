"""What the tree commits to: canonical entries, and raw ones that are kept all the same."""

import base64
import json

import pytest
import rfc8785
from samen_archive.canonical import (
    EntryFlag,
    UnreadableEntry,
    entry_from_binary_mode,
    event_entry,
    read_entry_facts,
)

pytestmark = pytest.mark.unit

KNOWN = "samen.consent.ConsentGiven.v1"
HEADERS = [
    ("ce_id", b"0b7e4a4e-2f47-4a5e-9f57-1d5d6c3a9b10"),
    ("ce_source", b"samen/consent"),
    ("ce_type", KNOWN.encode()),
    ("ce_specversion", b"1.0"),
    ("ce_time", b"2025-03-01T09:00:00Z"),
    ("ce_tenant", b"swv-1"),
    ("ce_actor", b"ib:7f1d"),
    ("content-type", b"application/json"),
    ("traceparent", b"00-abc-def-01"),
]


def is_known(event_type: str) -> bool:
    return event_type == KNOWN


def test_an_event_entry_is_the_rfc8785_json_of_attributes_and_data() -> None:
    entry = entry_from_binary_mode(HEADERS, b'{ "pupil_id": "p-1",  "given": true }', is_known)
    assert entry == rfc8785.dumps(
        {
            "attributes": {
                "id": "0b7e4a4e-2f47-4a5e-9f57-1d5d6c3a9b10",
                "source": "samen/consent",
                "type": KNOWN,
                "specversion": "1.0",
                "time": "2025-03-01T09:00:00Z",
                "tenant": "swv-1",
                "actor": "ib:7f1d",
                "datacontenttype": "application/json",
            },
            "data": {"given": True, "pupil_id": "p-1"},
        }
    )


def test_the_same_event_in_other_json_spelling_gives_the_same_entry() -> None:
    first = entry_from_binary_mode(HEADERS, b'{"a": 1, "b": [1, 2]}', is_known)
    second = entry_from_binary_mode(list(reversed(HEADERS)), b'{"b":[1,2],"a":1.0}', is_known)
    assert first == second


def test_an_unknown_type_is_kept_raw_and_flagged() -> None:
    headers = [(k, b"samen.future.Thing.v9" if k == "ce_type" else v) for k, v in HEADERS]
    entry = json.loads(entry_from_binary_mode(headers, b'{"x": 1}', is_known))
    assert entry["flag"] == "unknown_type"
    assert base64.b64decode(entry["raw"]) == b'{"x": 1}'
    assert entry["attributes"]["type"] == "samen.future.Thing.v9"


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"a": NaN}',
        b'{"a": 1, "a": 2}',
        b'{"n": 9007199254740993}',
        # Compact, as the contract writes events: the spelling the quick parse reads.
        b"[1,2]",
        b'{"a":NaN}',
        b'{"a":1,"a":2}',
        b'{"a":1,"a":1}',
        b'{"o":{"k":"v","k":"v"}}',
        b'{"n":9007199254740993}',
        b'{"n":18446744073709551616}',
    ],
)
def test_a_broken_body_is_kept_raw_and_flagged_unparseable(body: bytes) -> None:
    entry = json.loads(entry_from_binary_mode(HEADERS, body, is_known))
    assert entry["flag"] == "unparseable"
    assert base64.b64decode(entry["raw"]) == body


def test_unreadable_headers_are_left_out_and_missing_attributes_flag_the_entry() -> None:
    headers = [("ce_id", b"\xff\xfe"), ("ce_type", KNOWN.encode())]
    entry = json.loads(entry_from_binary_mode(headers, b"{}", is_known))
    assert entry["attributes"] == {"type": KNOWN}
    assert entry["flag"] == "unparseable"


def test_entry_facts_name_the_event_and_its_flag() -> None:
    facts = read_entry_facts(entry_from_binary_mode(HEADERS, b"broken", is_known))
    assert (facts.event_id, facts.tenant, facts.flag) == (
        "0b7e4a4e-2f47-4a5e-9f57-1d5d6c3a9b10",
        "swv-1",
        EntryFlag.UNPARSEABLE,
    )
    assert read_entry_facts(event_entry({"id": "e"}, {})).flag is None


def test_bytes_that_are_no_entry_are_refused() -> None:
    with pytest.raises(UnreadableEntry):
        read_entry_facts(b'{"data": {}}')
