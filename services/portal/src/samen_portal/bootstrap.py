"""The composition root: settings -> runtime -> app. Nothing is built at import time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from samen_kit.access import Access, install_access
from samen_kit.access.devkeys import STAFF_KEY
from samen_kit.access.keysource import jwks_source
from samen_kit.access.refusal_book import RefusalBook, ResourceKinds, install_refusals
from samen_kit.access.verification import guardian_access_from, staff_verifier
from samen_kit.clock import Clock
from samen_kit.refusal_table import refusal_counts
from samen_kit.retention.wiring import install_retention
from samen_kit.service import ServiceRuntime, build_runtime, create_app
from starlette.middleware.sessions import SessionMiddleware

from samen_portal.adapters.live import LiveHub
from samen_portal.adapters.retention import ACCESS_RECORDS
from samen_portal.adapters.services import Services
from samen_portal.adapters.sessions import SessionStore
from samen_portal.entrypoints.actions import actions_router
from samen_portal.entrypoints.consumers import add_consumers
from samen_portal.entrypoints.corrections import corrections_router as staff_corrections_router
from samen_portal.entrypoints.errors import install_error_handlers
from samen_portal.entrypoints.inspectie import inspectie_router
from samen_portal.entrypoints.overview import overview_router
from samen_portal.entrypoints.pages import Deps, pages_router, pupil_guard
from samen_portal.entrypoints.parents_evening import parents_evening_router
from samen_portal.entrypoints.render import Pages
from samen_portal.entrypoints.security import SecurityHeaders
from samen_portal.entrypoints.signin import SignIn, signin_router
from samen_portal.parents.corrections import corrections_router
from samen_portal.parents.routes import ParentDeps, parents_router
from samen_portal.settings import PortalSettings

TITLE = "Samen portal"
MIGRATIONS = Path(__file__).parent / "migrations"
STATIC = Path(__file__).parent / "entrypoints" / "static"
SESSION_COOKIE = "samen_portal"
RESOURCE_KINDS = ResourceKinds({"/leerlingen": "pupil"}, default="portal_page")
SERVICES = ("consent", "notifications", "meetings", "disputes", "audit", "plans", "admissions")
# Where each package's files are under node_modules, and where the pages ask for them.
VENDOR = {
    "tokens": "@utrecht/design-tokens/dist",
    "utrecht": "@utrecht/component-library-css/dist",
    "htmx": "htmx.org/dist",
}


@dataclass(frozen=True)
class PortalService:
    settings: PortalSettings
    runtime: ServiceRuntime
    deps: Deps
    signin: SignIn
    app: FastAPI


def _sign_in(settings: PortalSettings, runtime: ServiceRuntime) -> SignIn:
    keys = jwks_source(settings.staff_jwks, STAFF_KEY, clock=runtime.clock)
    secret = settings.oidc_client_secret
    return SignIn(
        issuer=settings.oidc_issuer,
        client_id=settings.oidc_client_id,
        client_secret=secret.get_secret_value() if secret else None,
        store=SessionStore(runtime.sessions),
        verifier=staff_verifier(settings, keys, runtime.clock),
        clock=runtime.clock,
        session_length=timedelta(hours=settings.session_hours),
    )


def _mount_static(app: FastAPI, settings: PortalSettings) -> None:
    for name, folder in VENDOR.items():
        path = settings.assets_dir / folder
        app.mount(f"/static/vendor/{name}", StaticFiles(directory=path, check_dir=False))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def build_service(
    settings: PortalSettings | None = None, *, clock: Clock | None = None
) -> PortalService:
    settings = settings or PortalSettings()
    runtime = build_runtime(settings, clock=clock)
    add_consumers(runtime)
    install_retention(runtime, (), every_seconds=settings.sweep_seconds, aged=ACCESS_RECORDS)
    live = LiveHub(settings.database_url)
    runtime.jobs.append(live.run)
    services = Services({s: settings.base_url(s) for s in SERVICES})
    pages = Pages()
    deps = Deps(runtime.sessions, services, live, pages, runtime.clock)
    signin = _sign_in(settings, runtime)
    visible = pupil_guard(deps)
    bases = {s: settings.base_url(s) for s in SERVICES}
    parents = ParentDeps(runtime.sessions, bases, services, runtime.clock)
    routers = [
        signin_router(),
        pages_router(deps, visible),
        actions_router(deps, visible),
        staff_corrections_router(deps, visible),
        overview_router(deps),
        parents_evening_router(deps),
        inspectie_router(deps),
        parents_router(parents),
        corrections_router(parents),
    ]
    app = create_app(runtime, title=TITLE, routers=routers)
    app.state.samen_portal_signin = signin
    refusals = RefusalBook(runtime.sessions, runtime.clock, refusal_counts, RESOURCE_KINDS)
    guardian = guardian_access_from(settings, runtime.clock, runtime.sessions)
    access = Access(
        staff=signin.verifier, guardian=guardian, record_refusal=refusals, clock=runtime.clock
    )
    install_access(app, access)
    install_refusals(app, refusals)
    install_error_handlers(app, pages)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.session_secret_or_random(),
        session_cookie=SESSION_COOKIE,
        max_age=int(settings.session_hours * 3600),
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(SecurityHeaders, issuer=settings.oidc_issuer)
    _mount_static(app, settings)
    return PortalService(settings, runtime, deps, signin, app)
