"""What the composition root of a service with staff routes and parent pages wired alike,
once: its one sweep with the report of refused attempts, the pupil's data rights
(retention swept, erasure on request, the guardian's export) and, for admissions, disputes
and plans, the whole root as one declaration (`StaffAndParentsService`, ADR 0022).

A service names only what differs: its context, consumers, sweep steps, erasers, tables,
resource kinds and routers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Generic, TypeVar

from fastapi import APIRouter
from sqlalchemy import MetaData

from samen_kit.access.refusal_book import ResourceKinds
from samen_kit.chassis import install_service_access
from samen_kit.clock import Clock
from samen_kit.context import Context
from samen_kit.periodic import sweeping
from samen_kit.privacy import service_export_router
from samen_kit.refusal_table import report_refusals
from samen_kit.retention.requests import erasure_request_router
from samen_kit.retention.sweep import Eraser
from samen_kit.retention.wiring import install_retention
from samen_kit.service import BackgroundJob, BuiltService, ServiceRuntime, build_runtime, create_app
from samen_kit.settings import ParentPagesSettings

SettingsT = TypeVar("SettingsT", bound=ParentPagesSettings)
ContextT = TypeVar("ContextT", bound=Context)


def service_sweep(
    context: Context,
    settings: ParentPagesSettings,
    **steps: Callable[[], Awaitable[int]],
) -> BackgroundJob:
    """The job `<service>.sweep`, every `settings.sweep_seconds`: the service's own
    `steps` in order, then the closed windows of refused attempts reported (a window
    `refusal_grace_seconds` after its minute, for late writers)."""
    grace = timedelta(seconds=settings.refusal_grace_seconds)
    refusals = partial(report_refusals, context, service=settings.service, grace=grace)
    return sweeping(f"{settings.service}.sweep", settings.sweep_seconds, **steps, refusals=refusals)


def pupil_data_routers(
    runtime: ServiceRuntime,
    erasers: Sequence[Eraser],
    metadata: MetaData,
    *,
    every_seconds: float,
) -> list[APIRouter]:
    """Retention installed (its `erasers` swept every `every_seconds`, legal holds
    consumed) and the two routes over what the service holds about a pupil: the staff's
    erasure request and the guardian's export of the tables in `metadata`."""
    retention = install_retention(runtime, erasers, every_seconds=every_seconds)
    return [
        erasure_request_router(retention),
        service_export_router(runtime.service, runtime, metadata),
    ]


@dataclass(frozen=True)
class StaffAndParentsService(Generic[SettingsT, ContextT]):
    """A service with staff routes, parent pages and one sweep, declared: `build` makes
    the runtime, the `context` its use cases take, the consumers, the sweep, retention
    and the app with its routers, access (with the step-up gate when `step_up`) and the
    refusal book for its `resource_kinds`."""

    title: str
    description: str
    resource_kinds: ResourceKinds
    context: type[ContextT]
    consumers: Callable[[ServiceRuntime], object]
    sweep: Callable[[ContextT, SettingsT], BackgroundJob]
    erasers: Sequence[Eraser]
    tables: MetaData
    step_up: bool = False

    def build(
        self,
        settings: SettingsT,
        routers: Callable[[ContextT, Sequence[APIRouter]], Sequence[APIRouter]],
        *,
        clock: Clock | None = None,
    ) -> BuiltService[SettingsT, ContextT]:
        """The service from `settings`, serving `routers`: the service's own, built on its
        context, with the routers of the pupil's data rights placed among them (the
        order names which bearer scheme the API document describes)."""
        runtime = build_runtime(settings, clock=clock)
        context = self.context(runtime.sessions, runtime.writer, runtime.clock)
        self.consumers(runtime)
        runtime.jobs.append(self.sweep(context, settings))
        every = settings.sweep_seconds
        data = pupil_data_routers(runtime, self.erasers, self.tables, every_seconds=every)
        served = routers(context, data)
        app = create_app(runtime, title=self.title, description=self.description, routers=served)
        install_service_access(app, runtime, self.resource_kinds, step_up=self.step_up)
        return BuiltService(settings, runtime, context, app)
