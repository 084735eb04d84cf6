"""Finds what in an event's JSON Schema could carry personal data or free text.

Events carry ids and structured facts only (ARCHITECTURE.md). This is a guard, not a
proof: it flags field names that speak of names, contact points or birth dates, and
strings that are not constrained to an id, date, enum or pattern (a length limit alone
still admits a name). A test runs it over every registered event.
"""

from __future__ import annotations

from collections.abc import Iterator

from samen_contract.schema_nodes import Schema, resolve, split_nullable

SUSPICIOUS_TOKENS = frozenset(
    {"name", "names", "firstname", "lastname", "surname", "initials", "nickname"}
    | {"email", "mail", "phone", "telephone", "mobile", "sms", "address", "street"}
    | {"postcode", "zipcode", "city", "bsn", "birth", "birthdate", "dob", "ip", "iban"}
)
SUSPICIOUS_PARTS = ("email", "phone", "mobile", "address", "birth")
SAFE_FORMATS = frozenset({"uuid", "date", "date-time", "time", "duration"})
MAX_DEPTH = 32


def _suspicious_name(name: str) -> bool:
    lowered = name.lower()
    tokens = set(lowered.split("_"))
    return bool(tokens & SUSPICIOUS_TOKENS) or any(p in lowered for p in SUSPICIOUS_PARTS)


def _constrained_string(node: Schema) -> bool:
    if "enum" in node or "const" in node or "pattern" in node:
        return True
    return node.get("format") in SAFE_FORMATS


def personal_data_findings(schema: Schema) -> list[str]:
    """Each finding names a field path and why it could carry personal data."""
    return list(_walk(schema, schema, "", 0))


def _walk(node: Schema, root: Schema, path: str, depth: int) -> Iterator[str]:
    if depth >= MAX_DEPTH:
        yield f"{path}: nested too deep to check"
        return
    _, node = split_nullable(resolve(node, root))
    node = resolve(node, root)
    for name, child in node.get("properties", {}).items():
        where = f"{path}.{name}" if path else name
        if _suspicious_name(name):
            yield f"{where}: its name suggests personal data"
        yield from _walk(child, root, where, depth + 1)
    if node.get("type") == "string" and not _constrained_string(node):
        yield f"{path}: free text (give it an enum, a pattern or an id/date format)"
    items, extra = node.get("items"), node.get("additionalProperties")
    if isinstance(items, dict):
        yield from _walk(items, root, f"{path}[]", depth + 1)
    if isinstance(extra, dict):
        if "pattern" not in node.get("propertyNames", {}):
            yield f"{path}: free-text keys (give propertyNames a pattern)"
        yield from _walk(extra, root, f"{path}{{}}", depth + 1)
    for variant in node.get("anyOf", []) + node.get("oneOf", []):
        yield from _walk(variant, root, path, depth + 1)
