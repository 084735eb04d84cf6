"""The disputes service's settings (environment prefix `SAMEN_`)."""

from pydantic import Field, SecretStr
from samen_kit.settings import ServiceSettings


class DisputesSettings(ServiceSettings):
    service: str = "disputes"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_disputes"
    http_host: str = "127.0.0.1"
    http_port: int = 8104
    # A JWKS file path or an http(s) URL; None: the local development keys.
    staff_jwks: str | None = None
    guardian_jwks: str | None = None
    # Signs guardian session cookies (at least 32 bytes). None: a random secret per
    # process, so sessions do not outlive a restart nor cross instances.
    session_secret: SecretStr | None = None
    cookie_secure: bool = True
    # How often the scheduler sweeps for deadlines and closed refusal windows.
    sweep_seconds: float = Field(default=60.0, gt=0)
    # A refusal window is reported this long after its minute ends (late writers).
    refusal_grace_seconds: float = Field(default=10.0, ge=0)
