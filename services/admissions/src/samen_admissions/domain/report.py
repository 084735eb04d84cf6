"""The inspectie report: thuiszitters per school and TLV decisions on time."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from samen_admissions.domain.care import is_thuiszitter
from samen_admissions.domain.terms import decision_due


@dataclass(frozen=True)
class Absence:
    school_id: UUID
    home_since: date
    ended_on: date | None


@dataclass(frozen=True)
class Decided:
    submitted_on: date
    decided_on: date


@dataclass(frozen=True)
class Report:
    thuiszitters_per_school: dict[UUID, int]
    tlv_decisions: int
    tlv_decisions_on_time: int


def thuiszitters_per_school(absences: list[Absence], today: date) -> dict[UUID, int]:
    counted = Counter(
        a.school_id for a in absences if is_thuiszitter(a.home_since, a.ended_on, today)
    )
    return dict(counted)


def on_time(decision: Decided) -> bool:
    """Within the Awb's eight weeks after the request (Awb art. 4:13 lid 2)."""
    return decision.decided_on <= decision_due(decision.submitted_on)


def report(absences: list[Absence], tlv_decisions: list[Decided], today: date) -> Report:
    return Report(
        thuiszitters_per_school(absences, today),
        len(tlv_decisions),
        sum(1 for d in tlv_decisions if on_time(d)),
    )
