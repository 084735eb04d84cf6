"""The composition root: settings -> runtime -> app. Nothing is built at import time."""

from pathlib import Path

from samen_kit.clock import Clock
from samen_kit.composition import StaffAndParentsService
from samen_kit.service import BuiltService

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
ADMISSIONS = StaffAndParentsService[AdmissionsSettings, Deps](
    title=TITLE,
    description=DESCRIPTION,
    resource_kinds=RESOURCE_KINDS,
    context=Deps,
    consumers=add_consumers,
    sweep=scheduler_job,
    erasers=ERASERS,
    tables=AdmissionsTable.metadata,
)


AdmissionsService = BuiltService[AdmissionsSettings, Deps]


def build_service(
    settings: AdmissionsSettings | None = None, *, clock: Clock | None = None
) -> AdmissionsService:
    pages = page_renderer()
    service = ADMISSIONS.build(
        settings or AdmissionsSettings(),
        lambda deps, data: [staff_router(deps), parent_router(deps, pages), *data],
        clock=clock,
    )
    install_error_handlers(service.app, pages)
    return service
