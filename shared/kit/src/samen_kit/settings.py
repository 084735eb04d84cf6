"""Settings every service shares; each service subclasses `ServiceSettings`.

Values come from the environment with the prefix `SAMEN_` (for example
`SAMEN_KAFKA_BOOTSTRAP`, `SAMEN_DATABASE_URL`).
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SAMEN_", extra="ignore")

    service: str = "samen"
    kafka_bootstrap: str = "127.0.0.1:19092"
    # An SQLAlchemy async URL; each service gets a database of its own.
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen"
    # Milliseconds the relay waits between polls when no NOTIFY arrives (the safety net).
    outbox_poll_ms: int = Field(default=1000, ge=10)
    outbox_batch_size: int = Field(default=500, ge=1, le=10_000)
    consumer_max_attempts: int = Field(default=3, ge=1)
    consumer_backoff_ms: int = Field(default=200, ge=1)
    topic_partitions: int = Field(default=6, ge=1)
    # Prepended to every topic name; tests use a prefix per run to stay apart.
    topic_prefix: str = ""
    # Moves the whole platform's clock, for demos only (seconds, may be large).
    clock_offset_seconds: float = 0.0
    log_json: bool | None = None
    # The largest request body any route takes (a whole roster included); larger is 413.
    max_body_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)
    log_level: str = "INFO"

    @property
    def clock_offset(self) -> timedelta:
        return timedelta(seconds=self.clock_offset_seconds)
