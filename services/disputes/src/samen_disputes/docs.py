"""The committed API documents: `python -m samen_disputes.docs write|check`."""

from __future__ import annotations

import sys

from samen_kit.apidocs import service_documents

from samen_disputes.bootstrap import TITLE, build_service
from samen_disputes.settings import DisputesSettings

DOCS = service_documents(
    __spec__.name, __file__, TITLE, lambda: build_service(DisputesSettings(topic_prefix=""))
)

if __name__ == "__main__":
    sys.exit(DOCS.main())
