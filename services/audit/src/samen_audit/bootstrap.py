"""The composition root: settings → runtime → context → app. Nothing is built at import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI
from samen_kit.chassis import install_service_access
from samen_kit.clock import Clock
from samen_kit.service import ServiceRuntime, build_runtime, create_app

from samen_audit.adapters.keys import load_or_create_dev_key, load_signing_key
from samen_audit.entrypoints import api, api_retention
from samen_audit.entrypoints.consumers import LogAppender, subscribe_log
from samen_audit.entrypoints.errors import install_error_handlers
from samen_audit.entrypoints.jobs import AuditScheduler
from samen_audit.entrypoints.routes import RESOURCE_KINDS
from samen_audit.handlers.context import AuditContext
from samen_audit.settings import AuditSettings

TITLE = "Samen audit"
DESCRIPTION = (
    "A verifiable log of every fact on the bus, one Merkle tree (RFC 9162) per tenant: "
    "signed tree heads, inclusion and consistency proofs, receipt checks and exports "
    "that `samen audit verify` checks offline."
)
MIGRATIONS = Path(__file__).with_name("migrations")


@dataclass(frozen=True)
class AuditService:
    app: FastAPI
    runtime: ServiceRuntime
    context: AuditContext
    appender: LogAppender
    scheduler: AuditScheduler


def build(
    settings: AuditSettings,
    *,
    clock: Clock | None = None,
    signing_key: Ed25519PrivateKey | None = None,
) -> AuditService:
    runtime = build_runtime(settings, clock=clock)
    context = AuditContext(
        sessions=runtime.sessions,
        writer=runtime.writer,
        clock=runtime.clock,
        signing_key=signing_key or _signing_key(settings),
        zone=ZoneInfo(settings.report_time_zone),
        retention_overrides=settings.retention_overrides,
    )
    appender = LogAppender(runtime, settings.consumer_backoff_ms / 1000)
    subscribe_log(runtime, appender, max_records=settings.consumer_max_records)
    scheduler = AuditScheduler(
        context,
        tree_head_interval=settings.tree_head_interval_seconds,
        sweep_interval=settings.sweep_seconds,
        refusal_grace=settings.refusal_grace_seconds,
    )
    runtime.jobs.append(scheduler.run)
    app = create_app(
        runtime, title=TITLE, description=DESCRIPTION, routers=[api.router, api_retention.router]
    )
    api.CONTEXT.install(app, context)
    install_service_access(app, runtime, RESOURCE_KINDS, parent_pages=False)
    install_error_handlers(app)
    return AuditService(app, runtime, context, appender, scheduler)


def _signing_key(settings: AuditSettings) -> Ed25519PrivateKey:
    if settings.signing_key_file is not None:
        return load_signing_key(settings.signing_key_file)
    return load_or_create_dev_key()
