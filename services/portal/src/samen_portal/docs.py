"""The committed API documents: `python -m samen_portal.docs write|check`."""

from __future__ import annotations

import sys
from pathlib import Path

from samen_kit.apidocs import ApiDocuments, Built

from samen_portal.bootstrap import TITLE, build_service
from samen_portal.settings import PortalSettings


def _build() -> Built:
    service = build_service(PortalSettings(topic_prefix=""))
    return service.app, service.runtime


DOCS = ApiDocuments(__spec__.name, Path(__file__).resolve().parents[2], TITLE, _build)

if __name__ == "__main__":
    sys.exit(DOCS.main())
