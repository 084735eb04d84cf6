"""`python -m samen_audit`: (roles,) migrations as the owner, then serve HTTP and Kafka."""

from __future__ import annotations

import asyncio

import uvicorn
from samen_kit.db import ensure_database
from samen_kit.logging import configure_logging
from samen_kit.migrations import upgrade
from sqlalchemy.engine import make_url

from samen_audit.adapters.roles import provision
from samen_audit.bootstrap import MIGRATIONS, build
from samen_audit.settings import AuditSettings


def main() -> None:
    settings = AuditSettings()
    configure_logging(json=settings.log_json, level=settings.log_level)
    asyncio.run(ensure_database(settings.owner_database_url))
    if settings.roles_admin_url:
        login = make_url(settings.database_url)
        asyncio.run(provision(settings.roles_admin_url, login.username or "", login.password or ""))
    upgrade(settings.owner_database_url, MIGRATIONS)
    service = build(settings)
    uvicorn.run(service.app, host=settings.http_host, port=settings.http_port, log_config=None)


if __name__ == "__main__":
    main()
