"""Where a running platform is: each service's address, the mail folder, the SMS log,
the development keys, the broker and topic prefix, and the platform's clock."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Site:
    urls: Mapping[str, str]
    state_dir: Path
    mail_dir: Path
    sms_log: Path
    keys_dir: Path
    kafka_bootstrap: str
    topic_prefix: str = ""
    clock_offset_seconds: float = 0.0
    # Keycloak's base URL when the services take its tokens (`samen up`); None: the
    # services take tokens signed with the local development key.
    keycloak_url: str | None = None

    def url(self, service: str) -> str:
        return self.urls[service]

    def now(self) -> datetime:
        """The platform's time: the services shift their clocks by the same offset."""
        return datetime.now(UTC) + timedelta(seconds=self.clock_offset_seconds)

    def today(self) -> date:
        """The day in the Netherlands, where schools count their days."""
        return self.now().astimezone(AMSTERDAM).date()
