"""What the pupil page says about guardians' correction requests, Dutch (B1). Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from samen_contract.events.portal import CorrectionOutcome
from samen_kit.access.roles import Role

from samen_portal.adapters.corrections import CorrectionRow
from samen_portal.domain.corrections import is_overdue
from samen_portal.entrypoints.presenting import AREAS, day, moment

# Who answers for the school: the support coordinator and the director.
ANSWERING = frozenset({Role.IB, Role.DIRECTOR})
AREA_TEXT = {**AREAS, "guardian": "Gegevens over de ouder zelf"}
OUTCOME_TEXT = {
    CorrectionOutcome.CORRECTED: "Verbeterd",
    CorrectionOutcome.REFUSED: "Niet verbeterd",
}


@dataclass(frozen=True)
class CorrectionView:
    request_id: str
    area: str
    asked: str
    answer_by: str
    overdue: bool
    explanation: str
    outcome: str | None
    reason: str | None


def correction_views(rows: list[CorrectionRow], today: date) -> list[CorrectionView]:
    return [
        CorrectionView(
            str(row.request_id),
            AREA_TEXT.get(row.area, row.area),
            moment(row.requested_at),
            day(row.answer_by),
            is_overdue(row.answer_by, today, answered=row.outcome is not None),
            row.explanation,
            None if row.outcome is None else OUTCOME_TEXT[row.outcome],
            row.reason,
        )
        for row in rows
    ]
