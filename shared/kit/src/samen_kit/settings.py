"""Settings every service shares; each service subclasses `ServiceSettings`.

Values come from the environment with the prefix `SAMEN_` (for example
`SAMEN_KAFKA_BOOTSTRAP`, `SAMEN_DATABASE_URL`).
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import ClassVar, Self

from pydantic import AliasChoices, Field, SecretStr, model_validator
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
    # One address, or several separated by commas (the brokers of a cluster).
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
    # Where traces go (an OTLP/HTTP collector's base URL); unset: tracing is off. The
    # standard OTEL_EXPORTER_OTLP_ENDPOINT is read too (docs/observability.md).
    otlp_endpoint: str | None = Field(
        default=None,
        validation_alias=AliasChoices("samen_otlp_endpoint", "otel_exporter_otlp_endpoint"),
    )
    # Per-tenant retention periods in months, {tenant: {kind: months}}, as JSON in
    # SAMEN_RETENTION_OVERRIDES; the same value for every service (docs/retention.md).
    retention_overrides: dict[str, dict[str, int]] = Field(default_factory=dict)
    # SAMEN_MIGRATE_ONLY: `python -m samen_<svc>` migrates and stops without serving
    # (Kubernetes runs the migrations as a Job before the Deployments roll).
    migrate_only: bool = False

    # The web side. Each service sets its own default port.
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=8100, ge=1, le=65535)
    # Where parents' browsers reach this service; empty: `http://{http_host}:{http_port}`.
    public_base_url: str = ""
    # Where parents' browsers reach the notifications service: its step-up page asks for
    # the one-time code before a sensitive parent action (ADR 0012).
    notifications_public_url: str = "http://127.0.0.1:8102"
    # The guardian session and step-up cookies' Domain, when the parent pages are served
    # on several host names under one domain; None: host-only (one host, or 127.0.0.1).
    guardian_cookie_domain: str | None = None
    # JWKS locations: a file path or an http(s) URL; None: the local development keys.
    staff_jwks: str | None = None
    guardian_jwks: str | None = None
    # Signs the parents' session cookie (at least 32 bytes). A service's default is only
    # ever a development value: production refuses it (see `production_requires`).
    session_secret: SecretStr | None = None
    # None: secure exactly when the public base URL is https.
    cookie_secure: bool | None = None

    #: Fields production refuses to leave at their development defaults.
    production_requires: ClassVar[tuple[str, ...]] = ()

    @property
    def kafka_servers(self) -> list[str]:
        """The bootstrap addresses one by one: FastStream takes a string as one address,
        where aiokafka's own clients split it at the commas."""
        return [address.strip() for address in self.kafka_bootstrap.split(",") if address.strip()]

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
    def secure_cookies(self) -> bool:
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.public_base_url.startswith("https://")

    def session_secret_or_random(self) -> str:
        """No secret: a random one, so sessions end with the process (development)."""
        if self.session_secret and (value := self.session_secret.get_secret_value()):
            return value
        return secrets.token_urlsafe(48)

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

    @model_validator(mode="after")
    def _web_defaults(self) -> Self:
        if not self.public_base_url:
            self.public_base_url = f"http://{self.http_host}:{self.http_port}"
        secret = self.session_secret.get_secret_value() if self.session_secret else ""
        if secret and len(secret.encode()) < 32:
            raise ValueError("the session secret needs at least 32 bytes")
        return self

    @model_validator(mode="after")
    def _retention_overrides_keep_the_law(self) -> Self:
        from samen_kit.retention.policy import check_overrides  # settings load first

        check_overrides(self.retention_overrides)
        return self

    @model_validator(mode="after")
    def _no_development_defaults_in_production(self) -> Self:
        if not self.is_production:
            return self
        fields = type(self).model_fields
        unset = [
            name
            for name in self.production_requires
            if not getattr(self, name) or getattr(self, name) == fields[name].default
        ]
        if unset:
            names = ", ".join(_env_name(name, fields[name].validation_alias) for name in unset)
            raise ValueError(f"set {names}: production refuses the development defaults")
        return self


class ParentPagesSettings(ServiceSettings):
    """A service with staff routes and parent pages, as admissions, disputes, plans and
    the portal are: its guardians' sessions and the work it sweeps."""

    # Session secret None: a random one per process, so sessions do not outlive a restart
    # nor cross instances; production needs one of its own.
    session_secret: SecretStr | None = None
    cookie_secure: bool | None = True
    production_requires: ClassVar[tuple[str, ...]] = (
        "session_secret",
        "staff_jwks",
        "guardian_jwks",
    )
    # How often the scheduler sweeps for deadlines and closed refusal windows.
    sweep_seconds: float = Field(default=60.0, gt=0)
    # A refusal window is reported this long after its minute ends (late writers).
    refusal_grace_seconds: float = Field(default=10.0, ge=0)


def _env_name(field: str, alias: object) -> str:
    """The variable a field is read from: its `samen_…` alias if it has one."""
    choices = getattr(alias, "choices", [alias])
    named = [c for c in choices if isinstance(c, str) and c.startswith("samen_")]
    return (named[0] if named else f"samen_{field}").upper()
