"""The guardian's export of what the plans service holds (AVG art. 15; the kit's route)."""

from __future__ import annotations

from fastapi import APIRouter
from samen_kit.privacy import guardian_export_router, holdings_in
from samen_kit.retention.tables import RETENTION_TABLES
from samen_kit.service import ServiceRuntime

from samen_plans.adapters.base import PlansTable


def export_router(runtime: ServiceRuntime) -> APIRouter:
    tables = (*PlansTable.metadata.tables.values(), *RETENTION_TABLES)
    return guardian_export_router("plans", runtime, holdings_in(tables))
