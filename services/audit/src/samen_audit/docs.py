"""The committed API documents: `python -m samen_audit.docs write|check`."""

from __future__ import annotations

import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from samen_kit.apidocs import ApiDocuments, Built

from samen_audit.bootstrap import TITLE, build
from samen_audit.settings import AuditSettings


def _build() -> Built:
    """Nothing connects: engine, broker and key sources are lazy."""
    settings = AuditSettings(topic_prefix="", staff_jwks="unused-staff-jwks.json")
    service = build(settings, signing_key=Ed25519PrivateKey.generate())
    return service.app, service.runtime


DOCS = ApiDocuments(__spec__.name, Path(__file__).resolve().parents[2], TITLE, _build)

if __name__ == "__main__":
    sys.exit(DOCS.main())
