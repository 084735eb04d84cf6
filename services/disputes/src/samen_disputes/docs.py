"""The committed API documents: `services/disputes/openapi.json` and `asyncapi.json`.

    uv run python -m samen_disputes.docs write   # regenerate after changing a route or event

Built from an app with the default settings (no topic prefix); nothing is started.
"""

import argparse
import json
from pathlib import Path
from typing import Any

from samen_kit.service import asyncapi_document

from samen_disputes.bootstrap import TITLE, build_service
from samen_disputes.settings import DisputesSettings

SERVICE_ROOT = Path(__file__).resolve().parents[2]


def documents(settings: DisputesSettings | None = None) -> dict[str, Any]:
    service = build_service(settings or DisputesSettings(topic_prefix=""))
    return {
        "openapi.json": service.app.openapi(),
        "asyncapi.json": asyncapi_document(service.runtime, TITLE),
    }


def render(document: Any) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write(folder: Path = SERVICE_ROOT) -> list[Path]:
    written = []
    for name, document in documents().items():
        path = folder / name
        path.write_text(render(document), "utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["write"])
    parser.parse_args()
    for path in write():
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
