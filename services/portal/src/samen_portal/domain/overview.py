"""The overview per school for the samenwerkingsverband and boards: pure figures from
the facts in the read model (statuses and dates only)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
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
    "DisputeResolved",
    "DisputeDecided",
    "DisputeWithdrawn",
    "AdmissionRequested",
    "ThuiszitterReported",
    "AbsenceEnded",
)
_DISPUTE_ENDS = {"DisputeResolved", "DisputeDecided", "DisputeWithdrawn"}
_ANSWERS = {"ConsentGiven", "ConsentRefused"}


@dataclass(frozen=True)
class OverviewFact:
    school_id: UUID
    kind: str
    ref_id: UUID | None
    at: datetime


@dataclass(frozen=True)
class SchoolFigures:
    school_id: UUID
    evaluations_on_time: int | None  # percent; None: nothing to count yet
    opps_on_time: int | None  # percent of OPPs set within the 6 weeks
    consent_answer_days: float | None  # median days from the question to the answer
    open_disputes: int
    admission_requests: int
    thuiszitters: int


def _percent(good: int, late: int) -> int | None:
    return None if good + late == 0 else round(100 * good / (good + late))


def _refs(facts: Iterable[OverviewFact], *kinds: str) -> set[UUID]:
    return {f.ref_id for f in facts if f.kind in kinds and f.ref_id is not None}


def school_figures(school_id: UUID, facts: list[OverviewFact]) -> SchoolFigures:
    held, late_evaluations = _refs(facts, "EvaluationHeld"), _refs(facts, "EvaluationOverdue")
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
    waits = [
        (answered[r] - asked[r]).total_seconds() / 86400 for r in asked.keys() & answered.keys()
    ]
    return SchoolFigures(
        school_id=school_id,
        evaluations_on_time=_percent(len(held - late_evaluations), len(late_evaluations)),
        opps_on_time=_percent(len(set_opps - late_opps), len(late_opps)),
        consent_answer_days=round(statistics.median(waits), 1) if waits else None,
        open_disputes=len(_refs(facts, "DisputeOpened") - _refs(facts, *_DISPUTE_ENDS)),
        admission_requests=len(_refs(facts, "AdmissionRequested")),
        thuiszitters=len(_refs(facts, "ThuiszitterReported") - _refs(facts, "AbsenceEnded")),
    )


def overview(facts: Iterable[OverviewFact]) -> list[SchoolFigures]:
    """Figures per school, schools in a stable order."""
    per_school: dict[UUID, list[OverviewFact]] = defaultdict(list)
    for f in facts:
        per_school[f.school_id].append(f)
    return [school_figures(s, per_school[s]) for s in sorted(per_school, key=str)]
