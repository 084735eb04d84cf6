"""The audit service's settings (environment prefix `SAMEN_`, e.g. `SAMEN_HTTP_PORT`).

Two database URLs: `database_url` is the service's login (a member of
`samen_audit_writer`: read and insert only); `owner_database_url` is the owner,
used by the migrations and nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Self

from pydantic import Field, model_validator
from samen_kit.settings import ServiceSettings

LOCAL_DATABASE = "127.0.0.1:15432/samen_audit"


class AuditSettings(ServiceSettings):
    service: str = "audit"
    database_url: str = f"postgresql+asyncpg://samen_audit:samen_audit@{LOCAL_DATABASE}"
    owner_database_url: str = f"postgresql+asyncpg://samen:samen@{LOCAL_DATABASE}"
    # A role that may create roles (CREATEROLE): when set, `python -m samen_audit` makes
    # the writer role and the login of `database_url` before migrating. None: they exist.
    roles_admin_url: str | None = None
    http_port: int = 8105
    # The Ed25519 key (PEM, PKCS#8) that signs tree heads and exports; None: a
    # development key made once under the local keys folder.
    signing_key_file: Path | None = None
    tree_head_interval_seconds: float = Field(default=300.0, gt=0)
    # How often closed windows of refused attempts are reported.
    sweep_seconds: float = Field(default=60.0, gt=0)
    refusal_grace_seconds: float = Field(default=5.0, ge=0)
    # Records per poll, appended in one transaction.
    consumer_max_records: int = Field(default=500, ge=1, le=10_000)
    # The days of an export period and of the report are counted in this zone.
    report_time_zone: str = "Europe/Amsterdam"
    production_requires: ClassVar[tuple[str, ...]] = ("signing_key_file", "staff_jwks")

    @model_validator(mode="after")
    def _not_the_owner(self) -> Self:
        if self.database_url == self.owner_database_url:
            raise ValueError("the service must not connect as the owner of the log")
        return self
