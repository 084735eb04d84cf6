"""Each service's migrations folder, imported only when a test asks for it."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from samen_kit.testing.schema import upgrade_to

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


async def migrated_to(
    make_database: Callable[[str], str], service: str, label: str, revision: str
) -> tuple[str, Path]:
    """A new database of `service` (named after `label`) migrated to `revision`: its URL
    and the service's migrations folder."""
    folder = migrations_of(service)
    url = make_database(f"{service}_{label}")
    await upgrade_to(url, folder, revision)
    return url, folder
