"""`python -m samen_audit`: (roles,) migrations as the owner, then serve HTTP and Kafka."""

from __future__ import annotations

import asyncio

from samen_kit.serve import serve
from sqlalchemy.engine import make_url

from samen_audit.adapters.roles import provision
from samen_audit.bootstrap import MIGRATIONS, build
from samen_audit.settings import AuditSettings


def _provision_roles(settings: AuditSettings) -> None:
    """With an admin URL, make the writer role and the service's login first."""
    if settings.roles_admin_url:
        login = make_url(settings.database_url)
        asyncio.run(provision(settings.roles_admin_url, login.username or "", login.password or ""))


def main() -> None:
    settings = AuditSettings()
    serve(
        settings,
        build,
        MIGRATIONS,
        migrate_as=settings.owner_database_url,
        create_database=True,
        before_migrating=_provision_roles,
    )


if __name__ == "__main__":
    main()
