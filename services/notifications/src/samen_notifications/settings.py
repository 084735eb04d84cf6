"""The notifications service's settings (env prefix `SAMEN_`, e.g. `SAMEN_SMTP_HOST`)."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import AliasChoices, Field, SecretStr
from samen_kit.settings import ServiceSettings

DEV_SESSION_SECRET = "samen-local-development-session-secret-not-for-production"

# Where each owning service shows an item to a parent; `{id}` is the item's id.
DEFAULT_PAGE_PATHS = {
    "consent_request": "/ouders/toestemming/{id}",
    "meeting": "/ouders/gesprekken/{id}",
    "meeting_record": "/ouders/verslagen/{id}",
    "dispute": "/ouders/geschillen/{id}",
    "pupil": "/ouders/geschil-starten/{id}",
    "admission_request": "/ouders/aanvragen/{id}",
    "contact": "/ouders/contact",
}


class NotificationsSettings(ServiceSettings):
    service: str = "notifications"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_notifications"
    http_port: int = 8102
    # The guardian-link key (a private JWK file); None: the local development key.
    guardian_key_file: Path | None = None
    keys_dir: Path | None = None
    guardian_link_ttl_days: int = Field(default=14, ge=1, le=90)
    # Read from SAMEN_GUARDIAN_SESSION_SECRET, as before.
    session_secret: SecretStr | None = Field(
        default=SecretStr(DEV_SESSION_SECRET),
        validation_alias=AliasChoices("guardian_session_secret", "samen_guardian_session_secret"),
    )
    cookie_secure: bool | None = False
    production_requires: ClassVar[tuple[str, ...]] = ("session_secret", "staff_jwks")
    # A parent may ask a fresh link for a token that expired up to this long ago.
    link_renewal_grace_days: int = Field(default=180, ge=1)

    # Parent pages of the owning services.
    consent_base_url: str = "http://127.0.0.1:8101"
    meetings_base_url: str = "http://127.0.0.1:8103"
    disputes_base_url: str = "http://127.0.0.1:8104"
    admissions_base_url: str = "http://127.0.0.1:8107"
    plans_base_url: str = "http://127.0.0.1:8106"  # the OPP page asks for a step-up too
    page_paths: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_PAGE_PATHS))
    # The query parameter each owning service's pages take the language from (the kit's).
    page_language_params: dict[str, str] = Field(
        default_factory=lambda: {
            "consent": "taal",
            "meetings": "taal",
            "disputes": "taal",
            "admissions": "taal",
        }
    )
    staff_url_template: str = "http://127.0.0.1:8101/staf/leerlingen/{pupil_id}"

    # E-mail.
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525
    smtp_security: Literal["none", "starttls", "tls"] = "none"
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    # Also the most e-mails sent and not yet settled: after a database outage only these
    # can go out twice. Eight keep the pool busy while commits are on their way
    # (bench_broadcast, 2,000 e-mails: 4 connections 163-224/s, 8 273/s, 16 338/s).
    smtp_connections: int = Field(default=8, ge=1, le=64)
    mail_from: str = "Samen <noreply@samen.invalid>"
    bounce_address: str = "bounces@samen.invalid"
    # Where the local SMTP server keeps what it receives (`samen mail` reads it).
    mail_dir: Path = Path("deploy/local/.state/mail")
    # Where bounces are read: the local mail folder, or nowhere (no adapter configured).
    bounce_source: Literal["mail_dir", "none"] = "mail_dir"

    # SMS.
    sms_base_url: str = "http://127.0.0.1:8199"  # the local simulator; production: the gateway
    sms_access_key: SecretStr = SecretStr("test_samen")
    sms_originator: str = "Samen"
    sms_signing_key: SecretStr | None = None
    sms_rate_per_second: float = Field(default=20.0, gt=0)

    # The sending pipeline.
    dispatch_batch_size: int = Field(default=200, ge=1, le=5000)
    dispatch_concurrency: int = Field(default=16, ge=1, le=256)
    # Dispatcher loops per process: while one batch is being sent, another is recorded.
    dispatch_workers: int = Field(default=2, ge=1, le=16)
    dispatch_poll_ms: int = Field(default=250, ge=10)
    dispatch_lease_seconds: int = Field(default=300, ge=1)
    send_max_attempts: int = Field(default=6, ge=1)
    retry_base_seconds: float = Field(default=30.0, gt=0)
    retry_cap_seconds: float = Field(default=3600.0, gt=0)
    contact_wait_hours: float = Field(default=72.0, gt=0)
    sweep_seconds: float = Field(default=30.0, gt=0)
    quiet_hours_start: time = time(21, 0)
    quiet_hours_end: time = time(7, 30)

    # Shown when a school's details are not on file yet.
    fallback_school_name: str = "De school"
    fallback_school_phone: str = "-"
    fallback_school_email: str = "-"

    @property
    def contact_wait(self) -> timedelta:
        return timedelta(hours=self.contact_wait_hours)

    @property
    def link_renewal_grace(self) -> timedelta:
        return timedelta(days=self.link_renewal_grace_days)

    @property
    def guardian_link_ttl(self) -> timedelta:
        return timedelta(days=self.guardian_link_ttl_days)

    def base_url_of(self, service: str) -> str:
        bases = {
            "consent": self.consent_base_url,
            "meetings": self.meetings_base_url,
            "disputes": self.disputes_base_url,
            "admissions": self.admissions_base_url,
            "plans": self.plans_base_url,
            "notifications": self.public_base_url,
        }
        return bases[service].rstrip("/")
