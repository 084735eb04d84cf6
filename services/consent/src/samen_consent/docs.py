"""The committed API documents: `services/consent/openapi.json` and `asyncapi.json`.

    uv run python -m samen_consent.docs write   # regenerate both after changing the API
    uv run python -m samen_consent.docs check   # exit 1 when a committed one is stale

They are generated from an app built with the canonical settings (no topic prefix, the
local broker's address), not started, so they do not depend on the environment.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Final

from fastapi import FastAPI
from samen_kit.access import StaticJwks
from samen_kit.service import asyncapi_document

from samen_consent.bootstrap import TITLE, create_consent_app, runtime_of
from samen_consent.settings import ConsentSettings

SERVICE_DIR: Final = Path(__file__).resolve().parents[2]
OPENAPI: Final = SERVICE_DIR / "openapi.json"
ASYNCAPI: Final = SERVICE_DIR / "asyncapi.json"
REGENERATE: Final = "uv run python -m samen_consent.docs write"


def canonical_app() -> FastAPI:
    settings = ConsentSettings(kafka_bootstrap="127.0.0.1:19092", topic_prefix="")
    no_keys = StaticJwks({"keys": []})
    return create_consent_app(settings, staff_keys=no_keys, guardian_keys=no_keys)


def documents(app: FastAPI | None = None) -> dict[Path, dict[str, Any]]:
    app = app or canonical_app()
    return {
        OPENAPI: app.openapi(),
        ASYNCAPI: asyncapi_document(runtime_of(app), TITLE),
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def stale() -> list[Path]:
    return [
        path
        for path, document in documents().items()
        if not path.exists() or path.read_text("utf-8") != render(document)
    ]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "write":
        for path, document in documents().items():
            path.write_text(render(document), "utf-8")
            print(f"wrote {path}")
        return 0
    if command == "check":
        outdated = stale()
        for path in outdated:
            print(f"{path} is stale; run `{REGENERATE}`")
        return 1 if outdated else 0
    print("usage: python -m samen_consent.docs write|check")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
