"""The overview per school for the samenwerkingsverband and boards: pure figures from
the facts in the read model (statuses and dates only)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

# The facts the figures are made of.
KINDS: tuple[str, ...] = (
    "EvaluationHeld",
    "EvaluationOverdue",
    "ActionPartSet",
    "OppOverdue",
    "ConsentRequested",
    "ConsentGiven",
    "ConsentRefused",
    "DisputeOpened",
    "DisputeStageChanged",
    "DisputeResolved",
    "DisputeDecided",
    "DisputeWithdrawn",
    "AdmissionRequested",
    "RegistrationDecided",
    "ThuiszitterReported",
    "AbsenceEnded",
)
_DISPUTE_ENDS = {"DisputeResolved", "DisputeDecided", "DisputeWithdrawn"}
_ANSWERS = {"ConsentGiven", "ConsentRefused"}
_STANDINGS = {"DisputeOpened", "DisputeStageChanged"}


@dataclass(frozen=True)
class OverviewFact:
    school_id: UUID
    kind: str
    ref_id: UUID | None
    at: datetime
    due_on: date | None = None
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SchoolFigures:
    school_id: UUID
    evaluations_on_time: int | None  # percent held with the parents; None: nothing to count
    opps_on_time: int | None  # percent of OPPs set within the 6 weeks
    consent_answer_days: float | None  # median days from the question to the answer
    open_disputes: int
    admission_requests: int
    thuiszitters: int
    registrations_on_time: int | None = None  # percent decided within the term
    next_dispute_term: date | None = None  # the earliest term of an open dispute


def _percent(good: int, late: int) -> int | None:
    return None if good + late == 0 else round(100 * good / (good + late))


def _refs(facts: Iterable[OverviewFact], *kinds: str) -> set[UUID]:
    return {f.ref_id for f in facts if f.kind in kinds and f.ref_id is not None}


def _held_with_parents(facts: Iterable[OverviewFact]) -> set[UUID]:
    """An evaluation counts only when the parents took part (with_parents true)."""
    return {
        f.ref_id
        for f in facts
        if f.kind == "EvaluationHeld" and f.ref_id is not None and f.details.get("with_parents")
    }


def _decided_in_time(facts: Iterable[OverviewFact]) -> tuple[int, int]:
    decided = [f for f in facts if f.kind == "RegistrationDecided"]
    good = sum(1 for f in decided if f.details.get("in_time") is True)
    return good, len(decided) - good


def _next_term(facts: list[OverviewFact], open_disputes: set[UUID]) -> date | None:
    """Each open dispute's term as its latest standing states it; the earliest of them."""
    latest: dict[UUID, OverviewFact] = {}
    for f in facts:
        if f.kind not in _STANDINGS or f.ref_id not in open_disputes:
            continue
        if f.ref_id not in latest or f.at >= latest[f.ref_id].at:
            latest[f.ref_id] = f
    terms = [f.due_on for f in latest.values() if f.due_on is not None]
    return min(terms) if terms else None


def school_figures(school_id: UUID, facts: list[OverviewFact]) -> SchoolFigures:
    cycles, late_evaluations = _refs(facts, "EvaluationHeld"), _refs(facts, "EvaluationOverdue")
    with_parents = _held_with_parents(facts) - late_evaluations
    set_opps, late_opps = _refs(facts, "ActionPartSet"), _refs(facts, "OppOverdue")
    asked: dict[UUID, datetime] = {}
    answered: dict[UUID, datetime] = {}
    for f in facts:
        if f.ref_id is None:
            continue
        if f.kind == "ConsentRequested":
            asked[f.ref_id] = min(f.at, asked.get(f.ref_id, f.at))
        elif f.kind in _ANSWERS:
            answered[f.ref_id] = min(f.at, answered.get(f.ref_id, f.at))
    open_disputes = _refs(facts, "DisputeOpened") - _refs(facts, *_DISPUTE_ENDS)
    waits = [
        (answered[r] - asked[r]).total_seconds() / 86400 for r in asked.keys() & answered.keys()
    ]
    return SchoolFigures(
        school_id=school_id,
        evaluations_on_time=_percent(
            len(with_parents), len((cycles | late_evaluations) - with_parents)
        ),
        opps_on_time=_percent(len(set_opps - late_opps), len(late_opps)),
        consent_answer_days=round(statistics.median(waits), 1) if waits else None,
        open_disputes=len(open_disputes),
        admission_requests=len(_refs(facts, "AdmissionRequested")),
        thuiszitters=len(_refs(facts, "ThuiszitterReported") - _refs(facts, "AbsenceEnded")),
        registrations_on_time=_percent(*_decided_in_time(facts)),
        next_dispute_term=_next_term(facts, open_disputes),
    )


def overview(facts: Iterable[OverviewFact], schools: Iterable[UUID] = ()) -> list[SchoolFigures]:
    """Figures per school, schools in a stable order; `schools` are counted too when
    nothing has happened there yet."""
    per_school: dict[UUID, list[OverviewFact]] = defaultdict(list)
    for school in schools:
        per_school[school] = []
    for f in facts:
        per_school[f.school_id].append(f)
    return [school_figures(s, per_school[s]) for s in sorted(per_school, key=str)]
