"""The disputes service's settings (environment prefix `SAMEN_`)."""

from typing import ClassVar

from pydantic import Field, SecretStr
from samen_kit.settings import ServiceSettings


class DisputesSettings(ServiceSettings):
    service: str = "disputes"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_disputes"
    http_port: int = 8104
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
