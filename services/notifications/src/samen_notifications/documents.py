"""The service's OpenAPI and AsyncAPI documents, committed beside its code.

    uv run python -m samen_notifications.documents write   # regenerate
    uv run python -m samen_notifications.documents check   # exit 1 when stale

They are generated from the app as `python -m samen_notifications` builds it, with the
default settings (so no test prefix or local address changes them).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from samen_kit.access import StaticJwks
from samen_kit.access.testing import new_signing_key
from samen_kit.service import asyncapi_document

from samen_notifications.bootstrap import TITLE, build_service
from samen_notifications.settings import NotificationsSettings

SERVICE_DIR = Path(__file__).resolve().parents[2]  # services/notifications
FILES = ("openapi.json", "asyncapi.json")


def generate() -> dict[str, Any]:
    service = build_service(
        NotificationsSettings(),
        guardian_key=new_signing_key(),  # keys do not appear in either document
        staff_jwks=StaticJwks({"keys": []}),
    )
    return {
        "openapi.json": service.app.openapi(),
        "asyncapi.json": asyncapi_document(service.runtime, TITLE),
    }


def render(document: Any) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def stale(directory: Path = SERVICE_DIR) -> list[str]:
    documents = generate()
    return [
        name
        for name in FILES
        if not (directory / name).exists()
        or (directory / name).read_text("utf-8") != render(documents[name])
    ]


def write(directory: Path = SERVICE_DIR) -> None:
    for name, document in generate().items():
        (directory / name).write_text(render(document), "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samen_notifications.documents")
    parser.add_argument("command", choices=("write", "check"))
    args = parser.parse_args(argv)
    if args.command == "write":
        write()
        return 0
    outdated = stale()
    print("\n".join(f"{name} is stale" for name in outdated) or "documents are current")
    return 1 if outdated else 0


if __name__ == "__main__":
    raise SystemExit(main())
