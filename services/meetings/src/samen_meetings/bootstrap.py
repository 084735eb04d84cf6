"""The composition root: settings → runtime → access → app. Nothing is built at import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from samen_kit.chassis import install_service_access
from samen_kit.clock import Clock
from samen_kit.composition import pupil_data_routers
from samen_kit.service import ServiceRuntime, build_runtime, create_app

from samen_meetings.adapters.base import MeetingsTable
from samen_meetings.adapters.retention import ERASERS
from samen_meetings.entrypoints import api_admin, api_meetings, api_opps, api_records, pages
from samen_meetings.entrypoints.consumers import install_consumers
from samen_meetings.entrypoints.deps import CONTEXT_STATE
from samen_meetings.entrypoints.errors import install_error_handlers
from samen_meetings.entrypoints.jobs import DueScanner
from samen_meetings.entrypoints.refusals import RESOURCE_KINDS
from samen_meetings.handlers.context import Context
from samen_meetings.settings import MeetingsSettings

TITLE = "Samen meetings"
DESCRIPTION = (
    "Meetings with parents, their records and agreements; OPP evaluation meetings name an "
    "OPP known from the plans service. Parent pages live under /ouders/."
)
MIGRATIONS = Path(__file__).with_name("migrations")


@dataclass(frozen=True)
class MeetingsService:
    app: FastAPI
    runtime: ServiceRuntime
    context: Context
    scanner: DueScanner


def build(settings: MeetingsSettings, *, clock: Clock | None = None) -> MeetingsService:
    runtime = build_runtime(settings, clock=clock)
    ctx = Context(runtime.sessions, runtime.writer, runtime.clock)
    install_consumers(runtime, ctx)
    scanner = DueScanner(ctx, settings.due_scan_interval_seconds)
    runtime.jobs.append(scanner.run)
    routers = [api_meetings.router, api_records.router, api_opps.router, api_admin.router]
    app = create_app(
        runtime,
        title=TITLE,
        description=DESCRIPTION,
        routers=[
            *routers,
            pages.router,
            *pupil_data_routers(
                runtime,
                ERASERS,
                MeetingsTable.metadata,
                every_seconds=settings.due_scan_interval_seconds,
            ),
        ],
    )
    app.state.meetings_pages = pages.renderer()
    setattr(app.state, CONTEXT_STATE, ctx)

    install_service_access(app, runtime, RESOURCE_KINDS, step_up=True)
    install_error_handlers(app, pages_prefix="/ouders/", page_not_found=pages.not_found_page)
    return MeetingsService(app, runtime, ctx, scanner)
