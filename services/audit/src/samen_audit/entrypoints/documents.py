"""The committed API documents: services/audit/openapi.json and asyncapi.json.

    uv run python -m samen_audit.entrypoints.documents   # rewrite both

They are generated from an app built like the real one (no prefix on topics); a test
compares them with what a running service serves.
"""

import json
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from samen_kit.service import asyncapi_document

from samen_audit.bootstrap import TITLE, AuditService, build
from samen_audit.settings import AuditSettings

SERVICE_ROOT = Path(__file__).resolve().parents[3]
OPENAPI = SERVICE_ROOT / "openapi.json"
ASYNCAPI = SERVICE_ROOT / "asyncapi.json"


def reference_service() -> AuditService:
    """Nothing connects: engine, broker and key sources are lazy."""
    settings = AuditSettings(topic_prefix="", staff_jwks="unused-staff-jwks.json")
    return build(settings, signing_key=Ed25519PrivateKey.generate())


def documents(service: AuditService) -> dict[Path, Any]:
    return {
        OPENAPI: service.app.openapi(),
        ASYNCAPI: asyncapi_document(service.runtime, TITLE),
    }


def render(document: Any) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    for path, document in documents(reference_service()).items():
        path.write_text(render(document), encoding="utf-8")
        print(f"wrote {path.name}")


if __name__ == "__main__":
    main()
