"""Settings of the meetings service (environment prefix `SAMEN_`)."""

from __future__ import annotations

from pydantic import Field
from samen_kit.settings import ServiceSettings

LOCAL_DATABASE = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_meetings"


class MeetingsSettings(ServiceSettings):
    service: str = "meetings"
    database_url: str = LOCAL_DATABASE
    http_host: str = "127.0.0.1"
    http_port: int = 8103
    # Where parents open their pages; notifications builds links on it.
    public_base_url: str = "http://127.0.0.1:8103"
    # JWKS locations: a file path or an http(s) URL. Empty: the local development keys.
    staff_jwks: str = ""
    guardian_jwks: str = ""
    # Signs the parents' one-hour session cookie; at least 32 bytes. Empty: a local one.
    guardian_session_secret: str = ""
    guardian_cookie_secure: bool = True
    # How often the scheduler scans for what is due (seconds of wall time).
    due_scan_interval_seconds: float = Field(default=60.0, gt=0)
