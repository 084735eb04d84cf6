"""The consent service's settings (environment prefix `SAMEN_`, e.g. `SAMEN_HTTP_PORT`)."""

from __future__ import annotations

from typing import Self

from pydantic import Field, SecretStr, model_validator
from samen_kit.settings import ServiceSettings

# Only for development and tests: production refuses it (see `_no_dev_secret_in_production`).
DEV_SESSION_SECRET = "samen-consent-development-session-secret-not-for-production"


class ConsentSettings(ServiceSettings):
    service: str = "consent"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_consent"
    http_host: str = "127.0.0.1"
    http_port: int = 8101
    # Where the parent pages live; notifications builds its links from the same base.
    public_base_url: str = "http://127.0.0.1:8101"
    # A JWKS file path or an http(s) URL; None: the local development key files.
    staff_jwks: str | None = None
    guardian_jwks: str | None = None
    session_secret: SecretStr = SecretStr(DEV_SESSION_SECRET)
    # None: secure exactly when the public base URL is https.
    cookie_secure: bool | None = None
    reminder_after_days: int = Field(default=7, ge=1)
    reminder_max: int = Field(default=2, ge=0)
    # How often the scheduler sweeps for expiry, reminders and closed refusal windows.
    sweep_seconds: float = Field(default=60.0, gt=0)
    # A refusal window is reported this long after its minute ends (late writers).
    refusal_grace_seconds: float = Field(default=5.0, ge=0)

    @property
    def secure_cookies(self) -> bool:
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.public_base_url.startswith("https://")

    @model_validator(mode="after")
    def _no_dev_secret_in_production(self) -> Self:
        secret = self.session_secret.get_secret_value()
        if self.is_production and secret == DEV_SESSION_SECRET:
            raise ValueError("set SAMEN_SESSION_SECRET: the development secret is refused")
        if self.is_production and (self.staff_jwks is None or self.guardian_jwks is None):
            raise ValueError("set SAMEN_STAFF_JWKS and SAMEN_GUARDIAN_JWKS in production")
        if len(secret.encode()) < 32:
            raise ValueError("the session secret needs at least 32 bytes")
        return self
