"""The consent service's settings (environment prefix `SAMEN_`, e.g. `SAMEN_HTTP_PORT`)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, SecretStr
from samen_kit.settings import ServiceSettings

# Only for development and tests: production refuses it (`production_requires`).
DEV_SESSION_SECRET = "samen-consent-development-session-secret-not-for-production"


class ConsentSettings(ServiceSettings):
    service: str = "consent"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_consent"
    http_port: int = 8101
    session_secret: SecretStr | None = SecretStr(DEV_SESSION_SECRET)
    production_requires: ClassVar[tuple[str, ...]] = (
        "session_secret",
        "staff_jwks",
        "guardian_jwks",
    )
    # Where the words of a document bound to a request are served (the plans service).
    plans_base_url: str = "http://127.0.0.1:8106"
    reminder_after_days: int = Field(default=7, ge=1)
    reminder_max: int = Field(default=2, ge=0)
    # How often the scheduler sweeps for expiry, reminders and closed refusal windows.
    sweep_seconds: float = Field(default=60.0, gt=0)
    # A refusal window is reported this long after its minute ends (late writers).
    refusal_grace_seconds: float = Field(default=5.0, ge=0)
