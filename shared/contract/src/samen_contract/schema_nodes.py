"""Small helpers to read the JSON Schemas pydantic generates: `$ref`s and nullability."""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def resolve(node: Schema, root: Schema) -> Schema:
    """Follow local `$ref`s (`#/$defs/Name`) and merge a lone `allOf` wrapper."""
    seen: set[str] = set()
    while True:
        if "$ref" in node:
            ref = node["$ref"]
            if ref in seen or not ref.startswith("#/"):
                raise ValueError(f"cannot resolve $ref {ref!r}")
            seen.add(ref)
            target: Any = root
            for part in ref[2:].split("/"):
                target = target[part]
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            node = {**target, **siblings}
        elif isinstance(node.get("allOf"), list) and len(node["allOf"]) == 1:
            siblings = {k: v for k, v in node.items() if k != "allOf"}
            node = {**node["allOf"][0], **siblings}
        else:
            return node


def split_nullable(node: Schema) -> tuple[bool, Schema]:
    """(may be null, the schema without its null branch) for `X | None` fields."""
    variants = node.get("anyOf")
    if isinstance(variants, list) and {"type": "null"} in variants:
        rest = [v for v in variants if v != {"type": "null"}]
        others = {k: v for k, v in node.items() if k != "anyOf"}
        inner = {**rest[0], **others} if len(rest) == 1 else {**others, "anyOf": rest}
        return True, inner
    types = node.get("type")
    if isinstance(types, list) and "null" in types:
        rest_types = [t for t in types if t != "null"]
        return True, {**node, "type": rest_types[0] if len(rest_types) == 1 else rest_types}
    return False, node
