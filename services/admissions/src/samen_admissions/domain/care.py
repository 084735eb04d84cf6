"""The duty of care (*zorgplicht*): a registration decided in time, a pupil at home
reported as a thuiszitter."""

from dataclasses import dataclass, replace
from datetime import date

from samen_admissions.domain.codes import RegistrationOutcome
from samen_admissions.domain.errors import NotNow, TermAlreadyExtended
from samen_admissions.domain.terms import registration_decide_by, thuiszitter_from


@dataclass(frozen=True)
class Registration:
    registered_on: date
    extended: bool = False
    outcome: RegistrationOutcome | None = None
    decided_on: date | None = None

    @property
    def decide_by(self) -> date:
        return registration_decide_by(self.registered_on, extended=self.extended)


def extend_term(registration: Registration) -> Registration:
    if registration.outcome is not None:
        raise NotNow("extend_term", "decided")
    if registration.extended:
        raise TermAlreadyExtended()
    return replace(registration, extended=True)


def decide(registration: Registration, outcome: RegistrationOutcome, on: date) -> Registration:
    if registration.outcome is not None:
        raise NotNow("decide", "decided")
    return replace(registration, outcome=outcome, decided_on=on)


def in_time(registration: Registration) -> bool:
    return registration.decided_on is not None and registration.decided_on <= registration.decide_by


def overdue(registration: Registration, today: date) -> bool:
    return registration.outcome is None and today > registration.decide_by


def is_thuiszitter(home_since: date, ended_on: date | None, today: date) -> bool:
    """At home longer than four weeks, and not back yet."""
    return ended_on is None and today >= thuiszitter_from(home_since)
