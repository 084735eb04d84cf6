"""Settings every service shares; each service subclasses `ServiceSettings`.

Values come from the environment with the prefix `SAMEN_` (for example
`SAMEN_KAFKA_BOOTSTRAP`, `SAMEN_DATABASE_URL`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT = "development"
PRODUCTION = "production"
#: The local development identity provider (`samen token`); only ever the default in
#: development: anywhere else a service without `SAMEN_STAFF_ISSUER` refuses to start.
DEV_STAFF_ISSUER = "urn:samen:dev-idp"
#: Staff tokens living longer than this are refused, whatever their `exp` says.
STAFF_TOKEN_MAX_LIFETIME = timedelta(hours=12)
#: Guardian links live at most this long (notifications mints them for up to 90 days).
GUARDIAN_TOKEN_MAX_LIFETIME = timedelta(days=90)


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SAMEN_", extra="ignore")

    service: str = "samen"
    # SAMEN_ENV: "development" allows development defaults; anything else refuses them.
    env: str = DEVELOPMENT
    # The `iss` every staff token must name (the identity provider). Required outside
    # development; in development it defaults to the local development issuer.
    staff_issuer: str | None = None
    staff_token_max_lifetime_seconds: int = Field(
        default=int(STAFF_TOKEN_MAX_LIFETIME.total_seconds()), ge=60
    )
    guardian_token_max_lifetime_seconds: int = Field(
        default=int(GUARDIAN_TOKEN_MAX_LIFETIME.total_seconds()), ge=60
    )
    kafka_bootstrap: str = "127.0.0.1:19092"
    # An SQLAlchemy async URL; each service gets a database of its own.
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen"
    # Milliseconds the relay waits between polls when no NOTIFY arrives (the safety net).
    outbox_poll_ms: int = Field(default=1000, ge=10)
    outbox_batch_size: int = Field(default=500, ge=1, le=10_000)
    consumer_max_attempts: int = Field(default=3, ge=1)
    consumer_backoff_ms: int = Field(default=200, ge=1)
    topic_partitions: int = Field(default=6, ge=1)
    # Prepended to every topic name; tests use a prefix per run to stay apart.
    topic_prefix: str = ""
    # Moves the whole platform's clock, for demos only (seconds, may be large).
    clock_offset_seconds: float = 0.0
    log_json: bool | None = None
    # The largest request body any route takes (a whole roster included); larger is 413.
    max_body_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)
    log_level: str = "INFO"

    @property
    def clock_offset(self) -> timedelta:
        return timedelta(seconds=self.clock_offset_seconds)

    @property
    def is_development(self) -> bool:
        return self.env == DEVELOPMENT

    @property
    def is_production(self) -> bool:
        return self.env == PRODUCTION

    @property
    def staff_token_max_lifetime(self) -> timedelta:
        return timedelta(seconds=self.staff_token_max_lifetime_seconds)

    @property
    def guardian_token_max_lifetime(self) -> timedelta:
        return timedelta(seconds=self.guardian_token_max_lifetime_seconds)

    @property
    def required_staff_issuer(self) -> str:
        """The issuer staff tokens must name; the validator below guarantees one."""
        assert self.staff_issuer is not None
        return self.staff_issuer

    @model_validator(mode="after")
    def _one_staff_issuer(self) -> Self:
        if not self.staff_issuer:
            if not self.is_development:
                raise ValueError("set SAMEN_STAFF_ISSUER: outside development it is required")
            self.staff_issuer = DEV_STAFF_ISSUER
        return self
