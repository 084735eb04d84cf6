"""The committed API documents: `python -m samen_notifications.docs write|check`."""

from __future__ import annotations

import sys
from pathlib import Path

from samen_kit.access import StaticJwks
from samen_kit.access.testing import new_signing_key
from samen_kit.apidocs import ApiDocuments, Built

from samen_notifications.bootstrap import TITLE, build_service
from samen_notifications.settings import NotificationsSettings


def _build() -> Built:
    service = build_service(
        NotificationsSettings(),
        guardian_key=new_signing_key(),  # keys do not appear in either document
        staff_jwks=StaticJwks({"keys": []}),
    )
    return service.app, service.runtime


DOCS = ApiDocuments(__spec__.name, Path(__file__).resolve().parents[2], TITLE, _build)

if __name__ == "__main__":
    sys.exit(DOCS.main())
