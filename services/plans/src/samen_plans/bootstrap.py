"""The composition root: settings -> runtime -> app. Nothing is built at import time."""

from collections.abc import Sequence
from pathlib import Path

from fastapi import APIRouter
from samen_kit.clock import Clock
from samen_kit.composition import StaffAndParentsService
from samen_kit.service import BuiltService

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
PLANS = StaffAndParentsService[PlansSettings, Context](
    title=TITLE,
    description=DESCRIPTION,
    resource_kinds=RESOURCE_KINDS,
    step_up=True,
    context=Context,
    consumers=add_consumers,
    sweep=scheduler_job,
    erasers=ERASERS,
    tables=PlansTable.metadata,
)


PlansService = BuiltService[PlansSettings, Context]


def build_service(
    settings: PlansSettings | None = None, *, clock: Clock | None = None
) -> PlansService:
    pages = renderer()

    def routers(deps: Context, pupil_data: Sequence[APIRouter]) -> list[APIRouter]:
        return [
            opps_router(deps, pages.catalogue),
            groeidocument_router(deps),
            *pupil_data,
            reports_router(deps),
            parent_router(deps, pages),
            documents_router(deps, pages),
        ]

    service = PLANS.build(settings or PlansSettings(), routers, clock=clock)
    install_error_handlers(service.app, pages)
    return service
