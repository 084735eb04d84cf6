"""Per-tenant settings of the meetings rules, with the defaults from GLOSSARY.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from typing import Final

from samen_meetings.domain.errors import InvalidInput

# The OPP is evaluated with the parents at least once per school year: never less often.
MAX_EVALUATION_INTERVAL_MONTHS: Final = 12
MAX_AGREEMENT_LEAD_DAYS: Final = 90


class InvalidSettings(InvalidInput):
    code = "invalid-settings"


@dataclass(frozen=True, slots=True)
class TenantSettings:
    """`reminder_local_time` is Amsterdam wall time, on the day before a meeting."""

    evaluation_interval_months: int = 12
    evaluation_lead_weeks: int = 4
    agreement_lead_days: int = 7
    reminder_local_time: time = time(9, 0)

    def __post_init__(self) -> None:
        if not 1 <= self.evaluation_interval_months <= MAX_EVALUATION_INTERVAL_MONTHS:
            raise InvalidSettings("evaluation interval must be 1 to 12 months")
        # The warning must fall inside the cycle (28 days: the shortest month).
        if not 0 <= self.evaluation_lead_weeks * 7 < self.evaluation_interval_months * 28:
            raise InvalidSettings("evaluation lead time must be shorter than the interval")
        if not 0 <= self.agreement_lead_days <= MAX_AGREEMENT_LEAD_DAYS:
            raise InvalidSettings("agreement lead time must be 0 to 90 days")
        if self.reminder_local_time.tzinfo is not None:
            raise InvalidSettings("reminder time is a local wall time, without a zone")

    @property
    def evaluation_lead(self) -> timedelta:
        return timedelta(weeks=self.evaluation_lead_weeks)

    @property
    def agreement_lead(self) -> timedelta:
        return timedelta(days=self.agreement_lead_days)


DEFAULT_SETTINGS: Final = TenantSettings()
