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

from samen_plans.adapters.base import PlansTable
from samen_plans.adapters.retention import ERASERS
from samen_plans.entrypoints.api_groeidocument import groeidocument_router
from samen_plans.entrypoints.api_opps import opps_router
from samen_plans.entrypoints.api_reports import reports_router
from samen_plans.entrypoints.consumers import add_consumers
from samen_plans.entrypoints.documents import documents_router
from samen_plans.entrypoints.errors import install_error_handlers
from samen_plans.entrypoints.jobs import scheduler_job
from samen_plans.entrypoints.pages import parent_router, renderer
from samen_plans.entrypoints.refusals import RESOURCE_KINDS
from samen_plans.handlers.context import Context
from samen_plans.settings import PlansSettings

TITLE = "Samen plans"
DESCRIPTION = (
    "The pupil's groeidocument and OPP: versions of the basis and the action part, the "
    "parents' consent on the action part, the OPP's timers and the inspectie report. "
    "Staff routes take a staff bearer token; parent pages under /ouders take a guardian "
    "link or session."
)
MIGRATIONS = Path(__file__).parent / "migrations"


PlansService = BuiltService[PlansSettings, Context]


def build_service(
    settings: PlansSettings | None = None, *, clock: Clock | None = None
) -> PlansService:
    settings = settings or PlansSettings()
    runtime = build_runtime(settings, clock=clock)
    deps = Context(runtime.sessions, runtime.writer, runtime.clock)
    add_consumers(runtime)
    runtime.jobs.append(
        scheduler_job(
            deps,
            every_seconds=settings.sweep_seconds,
            refusal_grace=timedelta(seconds=settings.refusal_grace_seconds),
        )
    )
    retention = install_retention(runtime, ERASERS, every_seconds=settings.sweep_seconds)
    pages = renderer()
    app = create_app(
        runtime,
        title=TITLE,
        description=DESCRIPTION,
        routers=[
            opps_router(deps, pages.catalogue),
            groeidocument_router(deps),
            erasure_request_router(retention),
            service_export_router("plans", runtime, PlansTable.metadata),
            reports_router(deps),
            parent_router(deps, pages),
            documents_router(deps, pages),
        ],
    )
    install_service_access(app, runtime, RESOURCE_KINDS, step_up=True)
    install_error_handlers(app, pages)
    return PlansService(settings, runtime, deps, app)


def create_plans_app(settings: PlansSettings | None = None) -> FastAPI:
    return build_service(settings).app
