"""What `python -m samen_<svc>` does: log, migrate to head, then serve on `http_port`
(or stop after migrating, with `SAMEN_MIGRATE_ONLY`: the Kubernetes migrations Job)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

import uvicorn
from fastapi import FastAPI

from samen_kit.db import ensure_database
from samen_kit.heap import freeze_start_up_heap
from samen_kit.logging import configure_logging
from samen_kit.migrations import upgrade
from samen_kit.settings import ServiceSettings
from samen_kit.trace_export import configure_tracing

S = TypeVar("S", bound=ServiceSettings)


class Built(Protocol):
    """What a composition root builds: the service, with its app."""

    @property
    def app(self) -> FastAPI: ...


def serve(
    settings: S,
    build: Callable[[S], FastAPI | Built],
    migrations: Path,
    *,
    migrate_as: str | None = None,
    create_database: bool = False,
    before_migrating: Callable[[S], None] | None = None,
    access_log: bool = True,
) -> None:
    """`build`: the app, or the service holding it, from `settings`.
    `migrate_as`: a URL other than `database_url` that owns the tables (audit's).
    `create_database`: create it first when missing (only where the login may)."""
    configure_logging(json=settings.log_json, level=settings.log_level)
    configure_tracing(settings.service, settings.otlp_endpoint)  # before the app is built
    # APScheduler reports every run at INFO; the jobs log what they did themselves.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    owner_url = migrate_as or settings.database_url
    if create_database:
        asyncio.run(ensure_database(owner_url))
    if before_migrating is not None:
        before_migrating(settings)
    upgrade(owner_url, migrations)
    if settings.migrate_only:
        logging.getLogger(__name__).info("migrated; not serving (SAMEN_MIGRATE_ONLY)")
        return
    built = build(settings)
    app = built if isinstance(built, FastAPI) else built.app
    freeze_start_up_heap()
    # log_config=None: uvicorn's lines go through the kit's logging (JSON, redaction).
    uvicorn.run(
        app,
        host=settings.http_host,
        port=settings.http_port,
        log_config=None,
        access_log=access_log,
    )
