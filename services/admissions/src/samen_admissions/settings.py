"""The admissions service's settings (environment prefix `SAMEN_`)."""

from typing import ClassVar

from pydantic import Field, SecretStr
from samen_kit.settings import ServiceSettings


class AdmissionsSettings(ServiceSettings):
    service: str = "admissions"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_admissions"
    http_port: int = 8107
    # Session secret None: a random one per process, so sessions do not outlive a restart
    # nor cross instances; production needs one of its own.
    session_secret: SecretStr | None = None
    cookie_secure: bool | None = True
    production_requires: ClassVar[tuple[str, ...]] = (
        "session_secret",
        "staff_jwks",
        "guardian_jwks",
    )
    # How often the timers sweep, and report closed refusal windows.
    sweep_seconds: float = Field(default=3600.0, gt=0)
    # A TLV or arrangement's end is announced this many weeks before, so the school can
    # ask for an extension in time (the samenwerkingsverband decides within 8 weeks).
    end_warning_weeks: int = Field(default=12, ge=1, le=52)
    refusal_grace_seconds: float = Field(default=10.0, ge=0)
