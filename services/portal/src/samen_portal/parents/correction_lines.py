"""What Mijn kind shows of the guardian's own correction requests: pure, rows in,
phrase keys and dates out (the school's reason for a refusal is shown as written)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from samen_kit.deadlines import local_date

from samen_portal.adapters.corrections import CorrectionRow
from samen_portal.domain.corrections import is_overdue


@dataclass(frozen=True)
class CorrectionLine:
    area_phrase: str
    asked_on: date
    answer_by: date
    state_phrase: str  # waiting, late, corrected or refused
    reason: str | None


def state_phrase(row: CorrectionRow, today: date) -> str:
    if row.outcome is not None:
        return f"ui_correction_{row.outcome.value}"
    late = is_overdue(row.answer_by, today, answered=False)
    return "ui_correction_late" if late else "ui_correction_waiting"


def correction_lines(rows: list[CorrectionRow], today: date) -> list[CorrectionLine]:
    return [
        CorrectionLine(
            f"src_{row.area}",
            local_date(row.requested_at),
            row.answer_by,
            state_phrase(row, today),
            row.reason,
        )
        for row in rows
    ]
