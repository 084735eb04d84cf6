"""An event's data is read strictly: the quick parse (orjson, for bytes it writes back
byte for byte) reads exactly what the strict parser reads, and refuses what it refuses."""

import json
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samen_archive.canonical import parse_json_object

pytestmark = pytest.mark.unit

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)  # orjson writes these
    | st.text()
    | st.floats(allow_nan=False, allow_infinity=False)
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
OBJECTS = st.dictionaries(st.text(), JSON, max_size=6)


def strict(value: bytes) -> Any:
    """The reference: `json` refusing duplicate keys and NaN, as the log always read."""

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        if len({key for key, _ in pairs}) != len(pairs):
            raise ValueError("duplicate key")
        return dict(pairs)

    def refuse(name: str) -> Any:
        raise ValueError(name)

    return json.loads(value, object_pairs_hook=unique, parse_constant=refuse)


def same_outcome(value: bytes) -> None:
    try:
        expected = strict(value)
    except ValueError:
        with pytest.raises(ValueError):
            parse_json_object(value)
        return
    if not isinstance(expected, dict):
        with pytest.raises(ValueError):
            parse_json_object(value)
        return
    found = parse_json_object(value)
    assert found == expected
    assert json.dumps(found) == json.dumps(expected)  # the same keys in the same order


@settings(max_examples=150, deadline=None)
@given(OBJECTS)
def test_compact_data_is_read_as_the_strict_parser_reads_it(value: dict[str, Any]) -> None:
    same_outcome(orjson.dumps(value))
    same_outcome(json.dumps(value, separators=(",", ":")).encode())
    same_outcome(json.dumps(value, ensure_ascii=False).encode())


@settings(max_examples=100, deadline=None)
@given(OBJECTS, st.text(), JSON)
def test_a_repeated_key_is_refused_in_any_spelling(
    value: dict[str, Any], key: str, item: Any
) -> None:
    # The repeated key written out by hand: no dict can hold it twice.
    member = orjson.dumps({key: item})[1:-1]
    body = orjson.dumps(value)[1:-1]
    joined = b",".join(part for part in (member, body, member) if part)
    with pytest.raises(ValueError):
        parse_json_object(b"{" + joined + b"}")


@pytest.mark.parametrize(
    "value",
    [
        b'{"a":1}',
        b'\xef\xbb\xbf{"a":1}',
        '{"a":1}'.encode("utf-16"),
        b'{"s":"\\ud800"}',
        b'{"s":"\\u00e9"}',
        b'{"f":1e5}',
        b'{"n":-0}',
        b'{"n":18446744073709551616}',
        b'{"a":Infinity}',
        b"{}",
        b"",
        b"null",
    ],
)
def test_other_spellings_are_left_to_the_strict_parser(value: bytes) -> None:
    same_outcome(value)
