"""The committed API documents: `python -m samen_portal.docs write|check`."""

from __future__ import annotations

import sys

from samen_kit.apidocs import service_documents

from samen_portal.bootstrap import TITLE, build_service
from samen_portal.settings import PortalSettings

DOCS = service_documents(
    __spec__.name, __file__, TITLE, lambda: build_service(PortalSettings(topic_prefix=""))
)

if __name__ == "__main__":
    sys.exit(DOCS.main())
