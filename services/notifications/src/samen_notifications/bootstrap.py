"""The composition root: settings -> runtime -> planner, dispatcher, routes -> app.

Nothing here runs at import time. Tests build the service with their own clock, keys
and (in unit tests only) fake transports; `python -m samen_notifications` builds it from
the environment with the real SMTP sender and SMS gateway.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr

from fastapi import APIRouter, FastAPI
from joserfc.jwk import OKPKey
from samen_kit.access import (
    JwksSource,
    install_access,
)
from samen_kit.access.refusal_book import RefusalBook, install_refusals
from samen_kit.access.verification import step_up_proofs
from samen_kit.clock import Clock
from samen_kit.pages.form_action import FormActionOrigins
from samen_kit.refusal_table import refusal_counts
from samen_kit.retention.requests import erasure_request_router
from samen_kit.retention.wiring import install_retention
from samen_kit.service import ServiceRuntime, build_runtime, create_app

from samen_notifications.adapters.bounces import MailFolderBounces
from samen_notifications.adapters.email import SmtpEmailSender
from samen_notifications.adapters.ports import (
    AbstractBounceInbox,
    AbstractEmailSender,
    AbstractSmsGateway,
)
from samen_notifications.adapters.retention import ERASERS
from samen_notifications.adapters.sms import MessageBirdSmsGateway
from samen_notifications.domain.contact import QuietHours
from samen_notifications.domain.guardian_links import GuardianLinks
from samen_notifications.domain.retry import RetryPolicy
from samen_notifications.entrypoints import access, api, bulk_pages, pages, step_up_pages, webhooks
from samen_notifications.entrypoints.consumers import add_consumers
from samen_notifications.entrypoints.deps import CONTEXT
from samen_notifications.entrypoints.errors import install_error_handlers
from samen_notifications.entrypoints.export import export_router
from samen_notifications.entrypoints.jobs import background_jobs
from samen_notifications.entrypoints.refusals import (
    RESOURCE_KINDS,
)
from samen_notifications.entrypoints.webhooks import REPORTS_PATH
from samen_notifications.handlers.batch import FallbackSchool
from samen_notifications.handlers.composer import Composer
from samen_notifications.handlers.context import Context
from samen_notifications.handlers.dispatch import Dispatcher, DispatchSettings, Transports
from samen_notifications.handlers.facts import EventHandler
from samen_notifications.handlers.failures import FailureSettler
from samen_notifications.handlers.planning import Planner
from samen_notifications.handlers.renewal import ExpiredLinkReader
from samen_notifications.handlers.reports import ReportRecorder
from samen_notifications.rendering import default_renderer
from samen_notifications.settings import NotificationsSettings

TITLE = "Samen notifications"
DESCRIPTION = (
    "Contact points, multilingual e-mail and SMS to parents and staff, delivery status. "
    "Addresses never leave this service."
)


@dataclass
class NotificationsService:
    settings: NotificationsSettings
    runtime: ServiceRuntime
    app: FastAPI
    planner: Planner
    dispatcher: Dispatcher
    context: Context


def build_service(
    settings: NotificationsSettings | None = None,
    *,
    clock: Clock | None = None,
    email: AbstractEmailSender | None = None,
    sms: AbstractSmsGateway | None = None,
    guardian_key: OKPKey | None = None,
    staff_jwks: JwksSource | None = None,
    jitter: random.Random | None = None,
    bounces: AbstractBounceInbox | None = None,
) -> NotificationsService:
    settings = settings or NotificationsSettings()
    runtime = build_runtime(settings, clock=clock)
    clock = runtime.clock
    quiet = QuietHours(settings.quiet_hours_start, settings.quiet_hours_end)
    planner = Planner(runtime.writer, contact_wait=settings.contact_wait, quiet=quiet)
    links = _links(settings, guardian_key or access.guardian_key(settings))
    transports = Transports(email or smtp_sender(settings), sms or sms_gateway(settings))
    settler = FailureSettler(runtime.writer, planner)
    dispatcher = _dispatcher(settings, runtime, links, transports, settler, quiet, jitter)
    add_consumers(runtime, EventHandler(planner, clock))
    retention = install_retention(runtime, ERASERS, every_seconds=settings.sweep_seconds)
    routers = [*_routers(), erasure_request_router(retention), export_router(runtime)]
    app = create_app(runtime, title=TITLE, description=DESCRIPTION, routers=routers)
    refusal_log = RefusalBook(runtime.sessions, clock, refusal_counts, RESOURCE_KINDS)
    reports = ReportRecorder(runtime.writer, settler, quiet)
    ctx = Context(
        settings=settings,
        sessions=runtime.sessions,
        writer=runtime.writer,
        clock=clock,
        planner=planner,
        links=links,
        reports=reports,
        sms=transports.sms,
        email=transports.email,
        refusals=refusal_log,
        renewals=ExpiredLinkReader(links, settings.link_renewal_grace),
        broadcast_languages=frozenset(default_renderer().languages_of("broadcast")),
        step_up_proofs=step_up_proofs(settings),
    )
    CONTEXT.install(app, ctx)
    install_access(app, access.access_for(settings, runtime, links, refusal_log, staff_jwks))
    install_refusals(app, refusal_log)
    install_error_handlers(app)
    # After the code, the step-up page sends the browser back to the page it came from.
    pages_elsewhere = [settings.base_url_of(name) for name in step_up_pages.SERVICES_WITH_PAGES]
    app.add_middleware(FormActionOrigins, origins=pages_elsewhere)
    runtime.jobs += background_jobs(ctx, dispatcher, transports, bounces or _bounce_inbox(settings))
    return NotificationsService(settings, runtime, app, planner, dispatcher, ctx)


def _routers() -> list[APIRouter]:
    return [api.router, pages.router, step_up_pages.router, bulk_pages.router, webhooks.router]


def smtp_sender(settings: NotificationsSettings) -> SmtpEmailSender:
    return SmtpEmailSender(
        settings.smtp_host,
        settings.smtp_port,
        settings.smtp_username,
        settings.smtp_password.get_secret_value() if settings.smtp_password else None,
        settings.smtp_security,
        mail_from=settings.mail_from,
        bounce_address=settings.bounce_address,
        pool_size=settings.smtp_connections,
    )


def sms_gateway(settings: NotificationsSettings) -> MessageBirdSmsGateway:
    signing = settings.sms_signing_key
    return MessageBirdSmsGateway(
        settings.sms_access_key.get_secret_value(),
        originator=settings.sms_originator,
        base_url=settings.sms_base_url,
        report_url=settings.public_base_url.rstrip("/") + REPORTS_PATH,
        signing_key=signing.get_secret_value() if signing else None,
        max_per_second=settings.sms_rate_per_second,
    )


def _bounce_inbox(settings: NotificationsSettings) -> AbstractBounceInbox | None:
    if settings.bounce_source == "mail_dir":
        return MailFolderBounces(settings.mail_dir, _address(settings.bounce_address))
    return None


def _links(settings: NotificationsSettings, key: OKPKey) -> GuardianLinks:
    return GuardianLinks(
        key,
        base_urls={
            service: settings.base_url_of(service)
            for service in ("consent", "meetings", "disputes", "admissions", "notifications")
        },
        page_paths=settings.page_paths,
        public_base_url=settings.public_base_url,
        code_secret=settings.session_secret_or_random().encode(),
        ttl=settings.guardian_link_ttl,
        language_params=settings.page_language_params,
    )


def _dispatcher(
    settings: NotificationsSettings,
    runtime: ServiceRuntime,
    links: GuardianLinks,
    transports: Transports,
    settler: FailureSettler,
    quiet: QuietHours,
    jitter: random.Random | None,
) -> Dispatcher:
    composer = Composer(
        default_renderer(),
        links,
        staff_url_template=settings.staff_url_template,
        organizer_email=_address(settings.mail_from),
    )
    return Dispatcher(
        runtime.sessions,
        runtime.writer,
        runtime.clock,
        composer,
        transports,
        settler,
        settings=DispatchSettings(
            batch_size=settings.dispatch_batch_size,
            concurrency=settings.dispatch_concurrency,
            lease=timedelta(seconds=settings.dispatch_lease_seconds),
            email_window=settings.smtp_connections,
        ),
        retry=RetryPolicy(
            max_attempts=settings.send_max_attempts,
            base=timedelta(seconds=settings.retry_base_seconds),
            cap=timedelta(seconds=settings.retry_cap_seconds),
        ),
        quiet=quiet,
        fallback_school=FallbackSchool(
            settings.fallback_school_name,
            settings.fallback_school_phone,
            settings.fallback_school_email,
        ),
        jitter=(jitter or random.Random()).random,
    )


def _address(mailbox: str) -> str:
    return parseaddr(mailbox)[1] or mailbox
