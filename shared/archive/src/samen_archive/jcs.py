"""RFC 8785 canonical JSON, fast for the values events are made of.

For objects whose keys are ASCII and whose numbers are integers within IEEE 754's
safe range, RFC 8785 output is exactly Python's own compact, key-sorted JSON: key
order by UTF-16 code units equals code point order for ASCII, strings are escaped
the same way, and integers print the same. That is what events hold, and orjson
(whose escapes are Python's) does it many times faster. Anything else goes to the
`rfc8785` package, which also raises for what RFC 8785 cannot represent. A property
test holds the two equal.
"""

from typing import Any

import orjson
import rfc8785

SAFE_INTEGER = 2**53 - 1


def canonical_json(value: Any) -> bytes:
    """RFC 8785 bytes of a JSON value; raises ``rfc8785.CanonicalizationError`` (a ValueError)."""
    if _plain(value):
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:
            pass  # a lone surrogate: rfc8785 refuses it with its own error
    return rfc8785.dumps(value)


def _plain(value: Any) -> bool:
    """Whether orjson's output is RFC 8785's. Exact types, and a loop over objects: this
    runs over every value of every event the log appends. A subclass (an enum member,
    say) is not plain; `rfc8785` encodes it correctly, only slower."""
    kind = type(value)
    if kind is dict:
        return _plain_object(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return bool(-SAFE_INTEGER <= value <= SAFE_INTEGER)
    if kind is list or kind is tuple:
        return all(_plain(item) for item in value)  # rare in events
    return False


def _plain_object(value: dict[Any, Any]) -> bool:
    # The scalars inline: a call per member cost as much as the encoding itself.
    for key, item in value.items():
        if type(key) is not str or not key.isascii():
            return False
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is int:
            if not -SAFE_INTEGER <= item <= SAFE_INTEGER:
                return False
        elif not _plain(item):
            return False
    return True
