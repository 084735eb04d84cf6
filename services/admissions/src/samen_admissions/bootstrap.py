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

from samen_admissions.adapters.base import AdmissionsTable
from samen_admissions.adapters.retention import ERASERS
from samen_admissions.entrypoints.api import staff_router
from samen_admissions.entrypoints.consumers import add_consumers
from samen_admissions.entrypoints.errors import install_error_handlers
from samen_admissions.entrypoints.jobs import scheduler_job
from samen_admissions.entrypoints.pages import page_renderer, parent_router
from samen_admissions.entrypoints.refusals import RESOURCE_KINDS
from samen_admissions.handlers.context import Deps
from samen_admissions.settings import AdmissionsSettings

TITLE = "Samen admissions"
DESCRIPTION = (
    "The samenwerkingsverband's own work: a school's request for an arrangement or an "
    "admissibility statement (TLV), two experts' advice, the decision and the parents' "
    "objection (with the national advisory committee for a TLV); the duty-of-care timers "
    "(registrations, thuiszitters) and the inspectie report. Staff routes take a staff "
    "bearer token; parent pages under /ouders take a guardian link or session."
)
MIGRATIONS = Path(__file__).parent / "migrations"


AdmissionsService = BuiltService[AdmissionsSettings, Deps]


def build_service(
    settings: AdmissionsSettings | None = None, *, clock: Clock | None = None
) -> AdmissionsService:
    settings = settings or AdmissionsSettings()
    runtime = build_runtime(settings, clock=clock)
    deps = Deps(runtime.sessions, runtime.writer, runtime.clock)
    add_consumers(runtime)
    runtime.jobs.append(
        scheduler_job(
            deps,
            every_seconds=settings.sweep_seconds,
            warning_weeks=settings.end_warning_weeks,
            refusal_grace=timedelta(seconds=settings.refusal_grace_seconds),
        )
    )
    retention = install_retention(runtime, ERASERS, every_seconds=settings.sweep_seconds)
    pages = page_renderer()
    app = create_app(
        runtime,
        title=TITLE,
        description=DESCRIPTION,
        routers=[
            staff_router(deps),
            parent_router(deps, pages),
            erasure_request_router(retention),
            service_export_router("admissions", runtime, AdmissionsTable.metadata),
        ],
    )
    install_service_access(app, runtime, RESOURCE_KINDS)
    install_error_handlers(app, pages)
    return AdmissionsService(settings, runtime, deps, app)


def create_admissions_app(settings: AdmissionsSettings | None = None) -> FastAPI:
    return build_service(settings).app
