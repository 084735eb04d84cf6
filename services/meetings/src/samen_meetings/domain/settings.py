"""Per-tenant settings of the meetings rules, with the defaults from GLOSSARY.md.

The OPP's evaluation interval and lead time are the plans service's settings now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from typing import Final

from samen_meetings.domain.errors import InvalidInput

MAX_AGREEMENT_LEAD_DAYS: Final = 90


class InvalidSettings(InvalidInput, slug="invalid-settings", message="{detail}"):
    detail: str


@dataclass(frozen=True, slots=True)
class TenantSettings:
    """`reminder_local_time` is Amsterdam wall time, on the day before a meeting."""

    agreement_lead_days: int = 7
    reminder_local_time: time = time(9, 0)

    def __post_init__(self) -> None:
        if not 0 <= self.agreement_lead_days <= MAX_AGREEMENT_LEAD_DAYS:
            raise InvalidSettings("agreement lead time must be 0 to 90 days")
        if self.reminder_local_time.tzinfo is not None:
            raise InvalidSettings("reminder time is a local wall time, without a zone")

    @property
    def agreement_lead(self) -> timedelta:
        return timedelta(days=self.agreement_lead_days)


DEFAULT_SETTINGS: Final = TenantSettings()
