"""The committed API documents: `python -m samen_notifications.docs write|check`."""

from __future__ import annotations

import sys

from samen_kit.access import StaticJwks
from samen_kit.access.testing import new_signing_key
from samen_kit.apidocs import service_documents

from samen_notifications.bootstrap import TITLE, build_service
from samen_notifications.settings import NotificationsSettings

DOCS = service_documents(
    __spec__.name,
    __file__,
    TITLE,
    lambda: build_service(
        NotificationsSettings(),
        guardian_key=new_signing_key(),  # keys do not appear in either document
        staff_jwks=StaticJwks({"keys": []}),
    ),
)

if __name__ == "__main__":
    sys.exit(DOCS.main())
