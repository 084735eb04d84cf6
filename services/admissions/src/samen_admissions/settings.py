"""The admissions service's settings (environment prefix `SAMEN_`)."""

from pydantic import Field
from samen_kit.settings import ParentPagesSettings


class AdmissionsSettings(ParentPagesSettings):
    service: str = "admissions"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_admissions"
    http_port: int = 8107
    # Its timers sweep, and closed refusal windows are reported, hourly.
    sweep_seconds: float = Field(default=3600.0, gt=0)
    # A TLV or arrangement's end is announced this many weeks before, so the school can
    # ask for an extension in time (the samenwerkingsverband decides within 8 weeks).
    end_warning_weeks: int = Field(default=12, ge=1, le=52)
