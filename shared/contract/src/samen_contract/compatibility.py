"""The compatibility rule of the contract, on two JSON Schemas of one event type.

Events are kept forever and read by services that upgrade at different times, so a
schema must stay readable both ways within a major version: new readers read old
events, old readers read new ones. The only change allowed is adding an optional field.
Anything else — removing a field, making one required or optional, adding a required
field, changing a type, format, pattern, bound, default or nullability, adding or
removing an enum value — is breaking: publish a new major version beside the old one.
Titles and descriptions may change freely.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from samen_contract.schema_nodes import Schema, resolve, split_nullable

VALIDATION_KEYWORDS = (
    "type",
    "format",
    "const",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "propertyNames",
    "default",
)
MAX_DEPTH = 32


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    """What in `new` breaks readers or writers of `old`; empty when compatible."""
    return list(_Comparison(old, new).compare(old, new, ""))


def _label(path: str) -> str:
    return path or "<event>"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


class _Comparison:
    def __init__(self, old_root: Schema, new_root: Schema) -> None:
        self.old_root = old_root
        self.new_root = new_root
        self.depth = 0

    def compare(self, old: Schema, new: Schema, path: str) -> Iterator[str]:
        if self.depth >= MAX_DEPTH:  # a recursive model: stop rather than loop
            yield f"{_label(path)}: nested too deep to compare"
            return
        self.depth += 1
        try:
            yield from self._compare(old, new, path)
        finally:
            self.depth -= 1

    def _compare(self, old: Schema, new: Schema, path: str) -> Iterator[str]:
        old_nullable, old = split_nullable(resolve(old, self.old_root))
        new_nullable, new = split_nullable(resolve(new, self.new_root))
        old, new = resolve(old, self.old_root), resolve(new, self.new_root)
        if old_nullable != new_nullable:
            change = "may no longer be null" if old_nullable else "may now be null"
            yield f"{_label(path)}: {change}"
        yield from self._keywords(old, new, path)
        yield from self._enum(old, new, path)
        yield from self._properties(old, new, path)
        yield from self._children(old, new, path)

    def _keywords(self, old: Schema, new: Schema, path: str) -> Iterator[str]:
        for keyword in VALIDATION_KEYWORDS:
            if old.get(keyword) != new.get(keyword):
                was, now = old.get(keyword), new.get(keyword)
                yield f"{_label(path)}: {keyword} changed from {was!r} to {now!r}"

    def _enum(self, old: Schema, new: Schema, path: str) -> Iterator[str]:
        old_values, new_values = old.get("enum", []), new.get("enum", [])
        for value in old_values:
            if value not in new_values:
                yield f"{_label(path)}: enum value {value!r} removed"
        for value in new_values:
            if value not in old_values:
                yield f"{_label(path)}: enum value {value!r} added (old readers reject it)"

    def _properties(self, old: Schema, new: Schema, path: str) -> Iterator[str]:
        old_props: dict[str, Any] = old.get("properties", {})
        new_props: dict[str, Any] = new.get("properties", {})
        old_required, new_required = set(old.get("required", ())), set(new.get("required", ()))
        for name, old_field in old_props.items():
            where = _join(path, name)
            if name not in new_props:
                yield f"{where}: field removed"
                continue
            if (name in old_required) != (name in new_required):
                yield f"{where}: became {'required' if name in new_required else 'optional'}"
            yield from self.compare(old_field, new_props[name], where)
        for name in new_props.keys() - old_props.keys():
            if name in new_required:
                yield f"{_join(path, name)}: required field added"

    def _children(self, old: Schema, new: Schema, path: str) -> Iterator[str]:
        for keyword, suffix in (("items", "[]"), ("additionalProperties", "{}")):
            old_child, new_child = old.get(keyword), new.get(keyword)
            if isinstance(old_child, dict) and isinstance(new_child, dict):
                yield from self.compare(old_child, new_child, path + suffix)
            elif old_child != new_child:
                yield f"{_label(path)}: {keyword} changed from {old_child!r} to {new_child!r}"
        for keyword in ("anyOf", "oneOf", "allOf"):
            old_variants, new_variants = old.get(keyword, []), new.get(keyword, [])
            if len(old_variants) != len(new_variants):
                yield f"{_label(path)}: {keyword} changed"
                continue
            for index, (was, now) in enumerate(zip(old_variants, new_variants, strict=True)):
                yield from self.compare(was, now, f"{path}<{keyword}[{index}]>")
