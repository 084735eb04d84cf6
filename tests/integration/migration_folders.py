"""Each service's migrations folder, imported only when a test asks for it."""

from __future__ import annotations

import importlib
from pathlib import Path

_HOLDERS = {
    "audit": "samen_audit.bootstrap",
    "consent": "samen_consent.migrate",
    "disputes": "samen_disputes.bootstrap",
    "meetings": "samen_meetings.bootstrap",
    "notifications": "samen_notifications.migrations",
    "plans": "samen_plans.bootstrap",
    "admissions": "samen_admissions.bootstrap",
    "portal": "samen_portal.bootstrap",
}
SERVICES = tuple(_HOLDERS)


def migrations_of(service: str) -> Path:
    folder: Path = importlib.import_module(_HOLDERS[service]).MIGRATIONS
    return folder
