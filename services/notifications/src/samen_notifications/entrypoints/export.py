"""The guardian's export of what the notifications service holds (AVG art. 15)."""

from __future__ import annotations

from fastapi import APIRouter
from samen_kit.privacy import guardian_export_router, holdings_in
from samen_kit.retention.tables import RETENTION_TABLES
from samen_kit.roster import ROSTER_TABLES
from samen_kit.service import ServiceRuntime
from sqlmodel import SQLModel

# Imported for its tables, which sit on SQLModel's own metadata.
from samen_notifications.adapters import tables as _tables  # noqa: F401


def export_router(runtime: ServiceRuntime) -> APIRouter:
    held = (*SQLModel.metadata.tables.values(), *ROSTER_TABLES, *RETENTION_TABLES)
    return guardian_export_router("notifications", runtime, holdings_in(held))
