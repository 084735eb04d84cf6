"""JSON Schemas of every registered event, committed in `shared/schemas/`.

(Not `shared/schemas/`: the workspace takes every `shared/*` folder for a package.)

    uv run python -m samen_contract.schemas write   # (re)generate the committed files
    uv run python -m samen_contract.schemas check   # exit 1 when they are stale or broken

`write` refuses a breaking change (see `compatibility`): a committed schema is what
readers rely on, so a break needs a new major version, not a regenerated file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from samen_contract.compatibility import breaking_changes
from samen_contract.events.base import Event
from samen_contract.naming import schema_urn
from samen_contract.registry import event_classes

__all__ = ["breaking_changes", "check", "generate", "main", "render", "schema_of", "write"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
REGENERATE = "uv run python -m samen_contract.schemas write"


def default_schema_dir() -> Path:
    """`shared/schemas/` (this file is shared/contract/src/samen_contract/)."""
    return Path(__file__).resolve().parents[3] / "schemas"


def schema_of(event_class: type[Event]) -> dict[str, Any]:
    """The JSON Schema of an event's data, identified by its `dataschema` URN."""
    schema = event_class.model_json_schema()
    return {"$schema": DIALECT, "$id": schema_urn(event_class.event_type()), **schema}


def render(schema: dict[str, Any]) -> str:
    """Stable text: sorted keys, two-space indent, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def generate() -> dict[str, dict[str, Any]]:
    """The schema of every registered event, keyed by type."""
    return {cls.event_type(): schema_of(cls) for cls in event_classes()}


def _path(directory: Path, event_type: str) -> Path:
    return directory / f"{event_type}.json"


def _committed(directory: Path) -> dict[str, dict[str, Any]]:
    files = sorted(directory.glob("samen.*.json"))
    return {f.name.removesuffix(".json"): json.loads(f.read_text("utf-8")) for f in files}


def _breaks(committed: dict[str, dict[str, Any]], generated: dict[str, Any]) -> list[str]:
    return [
        f"{event_type}: {change} — breaking: publish a new major version instead"
        for event_type, schema in generated.items()
        if event_type in committed
        for change in breaking_changes(committed[event_type], schema)
    ]


def check(directory: Path) -> list[str]:
    """Problems with the committed schemas; empty when they match the models."""
    committed, generated = _committed(directory), generate()
    problems = _breaks(committed, generated)
    for event_type, schema in generated.items():
        path = _path(directory, event_type)
        if event_type not in committed:
            problems.append(f"{event_type}: no committed schema; run `{REGENERATE}`")
        elif path.read_text("utf-8") != render(schema):
            problems.append(f"{event_type}: committed schema is stale; run `{REGENERATE}`")
    for event_type in committed.keys() - generated.keys():
        problems.append(f"{event_type}: committed schema has no event class (delete it?)")
    return sorted(problems)


def write(directory: Path) -> list[str]:
    """Write changed schemas; refuse (writing nothing) when any change is breaking."""
    generated = generate()
    breaks = _breaks(_committed(directory), generated)
    if breaks:
        raise ValueError("\n".join(breaks))
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for event_type, schema in generated.items():
        path, text = _path(directory, event_type), render(schema)
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            written.append(event_type)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samen_contract.schemas")
    parser.add_argument("command", choices=("write", "check"))
    parser.add_argument("--dir", type=Path, default=None, help="default: shared/schemas")
    args = parser.parse_args(argv)
    directory: Path = args.dir or default_schema_dir()
    if args.command == "check":
        problems = check(directory)
        print("\n".join(problems) or f"schemas in {directory} match the events")
        return 1 if problems else 0
    try:
        written = write(directory)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("\n".join(f"wrote {t}" for t in written) or "schemas already up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
