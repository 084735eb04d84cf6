"""The composition root: settings -> runtime -> app. Nothing is built at import time."""

from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI
from samen_kit.chassis import install_service_access
from samen_kit.clock import Clock
from samen_kit.privacy import service_export_router
from samen_kit.retention.requests import erasure_request_router
from samen_kit.retention.wiring import install_retention
from samen_kit.service import BuiltService, build_runtime, create_app

from samen_disputes.adapters.base import DisputesTable
from samen_disputes.adapters.retention import ERASERS
from samen_disputes.entrypoints.api import staff_router
from samen_disputes.entrypoints.consumers import add_consumers
from samen_disputes.entrypoints.errors import install_error_handlers
from samen_disputes.entrypoints.jobs import scheduler_job
from samen_disputes.entrypoints.pages import parent_router
from samen_disputes.entrypoints.refusals import RESOURCE_KINDS
from samen_disputes.handlers.context import Deps
from samen_disputes.settings import DisputesSettings

TITLE = "Samen disputes"
DESCRIPTION = (
    "Disputes between guardians and school: the procedure (conversation, mediation, "
    "onderwijsconsulent, objection, disputes committee), its deadlines and the guardians' "
    "rights. Staff routes take a staff bearer token; parent pages under /ouders take a "
    "guardian link or session."
)
MIGRATIONS = Path(__file__).parent / "migrations"


DisputesService = BuiltService[DisputesSettings, Deps]


def build_service(
    settings: DisputesSettings | None = None, *, clock: Clock | None = None
) -> DisputesService:
    settings = settings or DisputesSettings()
    runtime = build_runtime(settings, clock=clock)
    deps = Deps(runtime.sessions, runtime.writer, runtime.clock)
    add_consumers(runtime)
    retention = install_retention(runtime, ERASERS, every_seconds=settings.sweep_seconds)
    runtime.jobs.append(
        scheduler_job(
            deps,
            every_seconds=settings.sweep_seconds,
            refusal_grace=timedelta(seconds=settings.refusal_grace_seconds),
        )
    )
    app = create_app(
        runtime,
        title=TITLE,
        description=DESCRIPTION,
        routers=[
            staff_router(deps),
            parent_router(deps),
            erasure_request_router(retention),
            service_export_router("disputes", runtime, DisputesTable.metadata),
        ],
    )
    install_service_access(app, runtime, RESOURCE_KINDS)
    install_error_handlers(app)
    return DisputesService(settings, runtime, deps, app)


def create_disputes_app(settings: DisputesSettings | None = None) -> FastAPI:
    return build_service(settings).app
