"""The committed API documents: `python -m samen_consent.docs write|check`."""

from __future__ import annotations

import sys
from pathlib import Path

from fastapi import FastAPI
from samen_kit.access import StaticJwks
from samen_kit.apidocs import ApiDocuments, Built

from samen_consent.bootstrap import TITLE, create_consent_app, runtime_of
from samen_consent.settings import ConsentSettings


def canonical_app() -> FastAPI:
    settings = ConsentSettings(kafka_bootstrap="127.0.0.1:19092", topic_prefix="")
    no_keys = StaticJwks({"keys": []})
    return create_consent_app(settings, staff_keys=no_keys, guardian_keys=no_keys)


def _build() -> Built:
    app = canonical_app()
    return app, runtime_of(app)


DOCS = ApiDocuments(__spec__.name, Path(__file__).resolve().parents[2], TITLE, _build)

if __name__ == "__main__":
    sys.exit(DOCS.main())
