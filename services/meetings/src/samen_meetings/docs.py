"""The committed API documents: `python -m samen_meetings.docs write|check`."""

from __future__ import annotations

import sys

from samen_kit.apidocs import service_documents

from samen_meetings.bootstrap import TITLE, build
from samen_meetings.settings import MeetingsSettings


def _reference() -> MeetingsSettings:
    return MeetingsSettings(
        kafka_bootstrap="127.0.0.1:19092",
        topic_prefix="",
        guardian_session_secret="documentation-only-secret-not-used-anywhere",
    )


DOCS = service_documents(__spec__.name, __file__, TITLE, lambda: build(_reference()))

if __name__ == "__main__":
    sys.exit(DOCS.main())
