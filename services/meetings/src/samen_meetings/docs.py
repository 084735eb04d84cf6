"""The committed API documents: `python -m samen_meetings.docs write|check`."""

from __future__ import annotations

import sys
from pathlib import Path

from samen_kit.apidocs import ApiDocuments, Built

from samen_meetings.bootstrap import TITLE, build
from samen_meetings.settings import MeetingsSettings


def reference_settings() -> MeetingsSettings:
    return MeetingsSettings(
        kafka_bootstrap="127.0.0.1:19092",
        topic_prefix="",
        guardian_session_secret="documentation-only-secret-not-used-anywhere",
    )


def _build() -> Built:
    service = build(reference_settings())
    return service.app, service.runtime


DOCS = ApiDocuments(__spec__.name, Path(__file__).resolve().parents[2], TITLE, _build)

if __name__ == "__main__":
    sys.exit(DOCS.main())
