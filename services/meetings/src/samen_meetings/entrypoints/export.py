"""The guardian's export of what the meetings service holds (AVG art. 15; the kit's route)."""

from __future__ import annotations

from fastapi import APIRouter
from samen_kit.privacy import guardian_export_router, holdings_in
from samen_kit.retention.tables import RETENTION_TABLES
from samen_kit.service import ServiceRuntime

from samen_meetings.adapters.base import MeetingsTable


def export_router(runtime: ServiceRuntime) -> APIRouter:
    tables = (*MeetingsTable.metadata.tables.values(), *RETENTION_TABLES)
    return guardian_export_router("meetings", runtime, holdings_in(tables))
