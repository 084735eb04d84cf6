"""What every use case needs."""

from dataclasses import dataclass
from datetime import date

from samen_kit import context

from samen_plans.domain.calendar import amsterdam_day


@dataclass(frozen=True)
class Context(context.Context):
    def today(self) -> date:
        """The school's day (Amsterdam)."""
        return amsterdam_day(self.clock.now())
