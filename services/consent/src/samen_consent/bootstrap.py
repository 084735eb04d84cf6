"""The composition root: settings → runtime → access, handlers, pages, sweeps → app.

Nothing is built at import time; `create_consent_app` builds everything from settings
(tests pass their own clock and key sources).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

import httpx
from fastapi import FastAPI
from samen_kit.access import (
    Access,
    JwksSource,
    install_access,
)
from samen_kit.access.devkeys import GUARDIAN_KEY, STAFF_KEY
from samen_kit.access.keysource import jwks_source
from samen_kit.access.refusal_book import RefusalBook, install_refusals
from samen_kit.access.step_up_gate import install_step_up_gate
from samen_kit.access.verification import guardian_access, staff_verifier, step_up_gate
from samen_kit.clock import Clock
from samen_kit.pages import PageRenderer
from samen_kit.refusal_table import refusal_counts
from samen_kit.retention.requests import erasure_request_router
from samen_kit.retention.wiring import install_retention
from samen_kit.service import ServiceRuntime, build_runtime, create_app

from samen_consent.adapters.documents import DocumentOwners
from samen_consent.adapters.retention import ERASERS, PUPIL
from samen_consent.domain.reminders import ReminderPolicy
from samen_consent.domain.subject import OPP_ACTION_PART
from samen_consent.entrypoints import api_purposes, api_queries, api_requests, api_roster, pages
from samen_consent.entrypoints.errors import install_error_handlers
from samen_consent.entrypoints.export import export_router
from samen_consent.entrypoints.jobs import Sweeper
from samen_consent.entrypoints.refusals import RESOURCE_KINDS
from samen_consent.entrypoints.wiring import Wiring, install_wiring
from samen_consent.handlers.context import Context
from samen_consent.handlers.documents import document_handler
from samen_consent.settings import ConsentSettings

TITLE = "Samen consent"
PHRASES = "samen_consent.entrypoints.phrases"
ROUTERS = (
    api_roster.router,
    api_purposes.router,
    api_requests.router,
    api_queries.router,
    pages.router,
)
DESCRIPTION = (
    "Who has parental authority; consent requests, answers, withdrawals and expiry, with "
    "evidence and receipts. Staff API under /v1 (bearer token, audience `staff`); parent "
    "pages under /ouders (guardian link token, then a session cookie)."
)


def create_consent_app(
    settings: ConsentSettings,
    *,
    clock: Clock | None = None,
    staff_keys: JwksSource | None = None,
    guardian_keys: JwksSource | None = None,
) -> FastAPI:
    runtime = build_runtime(settings, clock=clock)
    client = httpx.AsyncClient()
    ctx = Context(
        runtime.sessions,
        runtime.writer,
        runtime.clock,
        ReminderPolicy(settings.reminder_after_days, settings.reminder_max),
        DocumentOwners({OPP_ACTION_PART: settings.plans_base_url}, client),
    )
    runtime.add_consumer(
        "documents",
        document_handler(ctx),
        sources=["plans"],
        description="OPP action parts offered for consent: one request per version",
    )
    keys = Keys(
        staff_keys or jwks_source(settings.staff_jwks, STAFF_KEY, client=client),
        guardian_keys or jwks_source(settings.guardian_jwks, GUARDIAN_KEY, client=client),
    )
    refusals = RefusalBook(runtime.sessions, runtime.clock, refusal_counts, RESOURCE_KINDS)
    access = _access(settings, runtime, keys, refusals)
    grace = timedelta(seconds=settings.refusal_grace_seconds)
    runtime.jobs.append(Sweeper(ctx, every=settings.sweep_seconds, refusal_grace=grace))
    retention = install_retention(runtime, ERASERS, every_seconds=settings.sweep_seconds)
    app = create_app(
        runtime,
        title=TITLE,
        description=DESCRIPTION,
        routers=(*ROUTERS, erasure_request_router(retention, PUPIL), export_router(runtime)),
    )
    install_access(app, access)
    install_step_up_gate(app, step_up_gate(settings, runtime.clock))
    install_refusals(app, refusals)
    renderer = PageRenderer("samen_consent", "templates", PHRASES)
    install_wiring(app.state, Wiring(ctx, renderer))
    install_error_handlers(app, renderer)
    _close_on_shutdown(app, client)
    app.state.runtime = runtime
    app.state.retention = retention
    return app


@dataclass(frozen=True)
class Keys:
    staff: JwksSource
    guardian: JwksSource


def _access(
    settings: ConsentSettings, runtime: ServiceRuntime, keys: Keys, refusals: RefusalBook
) -> Access:
    """Staff tokens, guardian tokens and sessions, with refusals counted for the audit."""
    return Access(
        staff=staff_verifier(settings, keys.staff, runtime.clock),
        guardian=guardian_access(settings, keys.guardian, runtime.clock, runtime.sessions),
        record_refusal=refusals,
        clock=runtime.clock,
    )


def runtime_of(app: FastAPI) -> ServiceRuntime:
    runtime = app.state.runtime
    assert isinstance(runtime, ServiceRuntime)
    return runtime


def _close_on_shutdown(app: FastAPI, client: httpx.AsyncClient) -> None:
    kit_lifespan = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(application: FastAPI) -> AsyncIterator[None]:
        async with kit_lifespan(application):  # type: ignore[attr-defined]
            yield
        await client.aclose()

    app.router.lifespan_context = lifespan  # type: ignore[assignment]
