"""Our fast RFC 8785 canonical JSON gives exactly the bytes of the `rfc8785` package."""

from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st
from samen_archive.jcs import SAFE_INTEGER, canonical_json

pytestmark = pytest.mark.unit

SAFE_INTEGERS = st.integers(min_value=-SAFE_INTEGER, max_value=SAFE_INTEGER)
SCALARS = st.none() | st.booleans() | SAFE_INTEGERS | st.text() | st.floats(allow_nan=False)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(JSON)
def test_any_json_value_is_canonicalised_exactly_as_rfc8785_does(value: Any) -> None:
    try:
        expected = rfc8785.dumps(value)
    except rfc8785.CanonicalizationError:
        with pytest.raises(rfc8785.CanonicalizationError):
            canonical_json(value)
        return
    assert canonical_json(value) == expected


def test_integers_beyond_the_safe_range_are_refused_as_rfc8785_refuses_them() -> None:
    with pytest.raises(rfc8785.CanonicalizationError):
        canonical_json({"n": 2**60})


def test_keys_are_ordered_by_utf16_code_units_beyond_the_basic_plane() -> None:
    value = {"\U0001f600": 1, "\ufb01": 2}
    encoded = canonical_json(value)
    assert encoded == rfc8785.dumps(value)
    # U+1F600 is D83D DE00 in UTF-16, which sorts before FB01 (code points say otherwise).
    assert encoded.index("\U0001f600".encode()) < encoded.index("\ufb01".encode())


def test_a_lone_surrogate_is_refused_as_rfc8785_refuses_it() -> None:
    with pytest.raises(rfc8785.CanonicalizationError):
        canonical_json({"a": "\ud800"})


def test_control_characters_and_line_separators_are_escaped_as_rfc8785_escapes_them() -> None:
    text = "".join(map(chr, range(0x80))) + "\u2028\u2029é\U0001f600"
    value = {"b": [text, -SAFE_INTEGER, True, None], "a": {"z": "", "y": text}}
    assert canonical_json(value) == rfc8785.dumps(value)


def test_a_value_of_a_subclass_is_canonicalised_as_its_plain_value() -> None:
    class Name(str):
        pass

    value = {"name": Name("swv"), "n": 1}
    assert canonical_json(value) == rfc8785.dumps(value) == b'{"n":1,"name":"swv"}'
