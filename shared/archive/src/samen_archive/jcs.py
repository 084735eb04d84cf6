"""RFC 8785 canonical JSON, fast for the values events are made of.

For objects whose keys are ASCII and whose numbers are integers within IEEE 754's
safe range, RFC 8785 output is exactly Python's own compact, key-sorted JSON: key
order by UTF-16 code units equals code point order for ASCII, strings are escaped
the same way, and integers print the same. That is what events hold, and the C
encoder does it many times faster. Anything else goes to the `rfc8785` package, which
also raises for what RFC 8785 cannot represent. A property test holds the two equal.
"""

import json
from typing import Any

import rfc8785

SAFE_INTEGER = 2**53 - 1
_encode = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, sort_keys=True, separators=(",", ":")
).encode


def canonical_json(value: Any) -> bytes:
    """RFC 8785 bytes of a JSON value; raises ``rfc8785.CanonicalizationError`` (a ValueError)."""
    if _plain(value):
        try:
            return _encode(value).encode("utf-8")
        except UnicodeEncodeError:
            pass  # a lone surrogate: rfc8785 refuses it with its own error
    return rfc8785.dumps(value)


def _plain(value: Any) -> bool:
    if isinstance(value, str) or value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -SAFE_INTEGER <= value <= SAFE_INTEGER
    if isinstance(value, dict):
        return all(
            isinstance(key, str) and key.isascii() and _plain(item) for key, item in value.items()
        )
    if isinstance(value, list | tuple):
        return all(_plain(item) for item in value)
    return False
