"""What the timers find due, and the deterministic ids that make them safe to run on
every instance at once (the outbox keeps the first event with an id)."""

from datetime import date
from typing import Final
from uuid import UUID, uuid5

from samen_admissions.domain.terms import warning_from

TIMER_NAMESPACE: Final = UUID("604af359-a3da-4e89-af66-82bf8c327938")


def end_warning_id(request_id: UUID, end_date: date) -> UUID:
    """One warning per request and end date (an extension moves the end: a new warning)."""
    return uuid5(TIMER_NAMESPACE, f"end_approaching:{request_id}:{end_date.isoformat()}")


def overdue_id(registration_id: UUID, decide_by: date) -> UUID:
    return uuid5(TIMER_NAMESPACE, f"registration_overdue:{registration_id}:{decide_by}")


def thuiszitter_id(absence_id: UUID) -> UUID:
    return uuid5(TIMER_NAMESPACE, f"thuiszitter:{absence_id}")


def end_warning_due(end_date: date, today: date, lead_weeks: int) -> bool:
    """From `lead_weeks` before the end until the end itself."""
    return warning_from(end_date, lead_weeks) <= today <= end_date
