"""A guardian's correction request (AVG art. 16): what it may be about, what a valid
request and answer look like, and the term to answer it. Pure: no I/O.

The term: the school answers "without undue delay and in any event within one month
of receipt" (AVG art. 12(3)). A month runs to the same date in the next month, or to
that month's last day when it has no such date (EU Regulation 1182/71, art. 3(2)(c));
a term ending on a Saturday, Sunday or holiday runs on to the next working day
(art. 3(4); the kit's Dutch calendar).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from samen_contract.events.portal import CorrectionOutcome
from samen_kit.deadlines import on_or_after_working_day

# What a request can be about: the overview's parts (one per owning service, as in the
# access export) and the guardian's own details.
AREAS = ("consent", "meetings", "plans", "admissions", "disputes", "notifications", "guardian")
EXPLANATION_MAX = 2000
REASON_MAX = 2000


class CorrectionInvalid(Exception):
    """A request or answer that cannot be kept as it is; `field` says which part."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


class CorrectionUnknown(Exception):
    """No such request for this pupil in the user's tenant."""


class CorrectionAlreadyAnswered(Exception):
    """The school answered this request before: an answer is not changed afterwards."""


@dataclass(frozen=True)
class CorrectionAsked:
    area: str
    explanation: str


@dataclass(frozen=True)
class CorrectionAnswer:
    outcome: CorrectionOutcome
    reason: str | None


def one_month_after(day: date) -> date:
    """The same date a month later, or the last day of that month when it has none."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def answer_by(received_on: date) -> date:
    """The last day to answer a request received on `received_on` (AVG art. 12(3))."""
    return on_or_after_working_day(one_month_after(received_on))


def is_overdue(due_on: date, today: date, *, answered: bool) -> bool:
    """Still unanswered after its last day."""
    return not answered and today > due_on


def asked(area: str | None, explanation: str | None) -> CorrectionAsked:
    """A guardian's request from their form: an area from the list and what is wrong."""
    if area not in AREAS:
        raise CorrectionInvalid("area")
    text = (explanation or "").strip()
    if not text or len(text) > EXPLANATION_MAX:
        raise CorrectionInvalid("explanation")
    return CorrectionAsked(area, text)


def answered(outcome: str | None, reason: str | None) -> CorrectionAnswer:
    """The school's answer: corrected, or refused with a reason the guardian reads."""
    try:
        chosen = CorrectionOutcome(outcome or "")
    except ValueError as error:
        raise CorrectionInvalid("outcome") from error
    text = (reason or "").strip()
    if len(text) > REASON_MAX:
        raise CorrectionInvalid("reason")
    if chosen is CorrectionOutcome.REFUSED and not text:
        raise CorrectionInvalid("reason")
    return CorrectionAnswer(chosen, text or None)
