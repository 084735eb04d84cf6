"""The service's published API documents, committed beside it:

    uv run python -m samen_meetings.docs   # writes services/meetings/{openapi,asyncapi}.json

Built from a service configured with the defaults (no topic prefix), without starting it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from samen_kit.service import asyncapi_document

from samen_meetings.bootstrap import TITLE, build
from samen_meetings.settings import MeetingsSettings

SERVICE_ROOT = Path(__file__).resolve().parents[2]
OPENAPI = SERVICE_ROOT / "openapi.json"
ASYNCAPI = SERVICE_ROOT / "asyncapi.json"


def reference_settings() -> MeetingsSettings:
    return MeetingsSettings(
        kafka_bootstrap="127.0.0.1:19092",
        topic_prefix="",
        guardian_session_secret="documentation-only-secret-not-used-anywhere",
    )


def documents() -> tuple[dict[str, Any], dict[str, Any]]:
    service = build(reference_settings())
    return service.app.openapi(), asyncapi_document(service.runtime, TITLE)


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    openapi, asyncapi = documents()
    OPENAPI.write_text(render(openapi), "utf-8")
    ASYNCAPI.write_text(render(asyncapi), "utf-8")


if __name__ == "__main__":
    main()
