"""Settings of the meetings service (environment prefix `SAMEN_`)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import AliasChoices, Field, SecretStr
from samen_kit.settings import ServiceSettings

LOCAL_DATABASE = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_meetings"


def _alias(field: str) -> AliasChoices:
    return AliasChoices(f"guardian_{field}", f"samen_guardian_{field}")


class MeetingsSettings(ServiceSettings):
    service: str = "meetings"
    database_url: str = LOCAL_DATABASE
    http_port: int = 8103
    # Read from SAMEN_GUARDIAN_SESSION_SECRET (and _COOKIE_SECURE), as before. Secret
    # None: a random one per process; production needs one of its own.
    session_secret: SecretStr | None = Field(
        default=None, validation_alias=_alias("session_secret")
    )
    cookie_secure: bool | None = Field(default=True, validation_alias=_alias("cookie_secure"))
    production_requires: ClassVar[tuple[str, ...]] = (
        "session_secret",
        "staff_jwks",
        "guardian_jwks",
    )
    # How often the scheduler scans for what is due (seconds of wall time).
    due_scan_interval_seconds: float = Field(default=60.0, gt=0)
