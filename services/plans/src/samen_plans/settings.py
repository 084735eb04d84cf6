"""The plans service's settings (environment prefix `SAMEN_`)."""

from typing import ClassVar

from pydantic import Field, SecretStr
from samen_kit.settings import ServiceSettings


class PlansSettings(ServiceSettings):
    service: str = "plans"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_plans"
    http_port: int = 8106
    # Session secret None: a random one per process, so sessions do not outlive a restart
    # nor cross instances; production needs one of its own.
    session_secret: SecretStr | None = None
    cookie_secure: bool | None = True
    production_requires: ClassVar[tuple[str, ...]] = (
        "session_secret",
        "staff_jwks",
        "guardian_jwks",
    )
    # How often the timers are scanned, and closed windows of refused attempts reported.
    sweep_seconds: float = Field(default=60.0, gt=0)
    refusal_grace_seconds: float = Field(default=10.0, ge=0)
