"""Request bodies the integration tests send, built from a pupil and the clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID


def meeting_body(
    pupil_id: UUID,
    kind: str,
    starts_at: datetime,
    staff_ids: list[UUID],
    *,
    hours: float = 1,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "pupil_id": str(pupil_id),
        "kind": kind,
        "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + timedelta(hours=hours)).isoformat(),
        "staff_ids": [str(s) for s in staff_ids],
        **extra,
    }


def interpreted_talk(pupil_id: UUID, starts_at: datetime, teacher: UUID) -> dict[str, Any]:
    """A progress talk with the teacher, an Arabic interpreter asked for."""
    return meeting_body(
        pupil_id,
        "progress_talk",
        starts_at,
        [teacher],
        interpreter_needed=True,
        interpreter_language="ar",
    )


def record_body(
    attended: list[UUID], agreements: list[dict[str, Any]] | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "attended_ids": [str(a) for a in attended],
        "strengths": ["Leest met plezier."],
        "concerns": ["Rekenen gaat moeizaam."],
        "goals": ["Tafels van 1 tot 5 kennen."],
        "next_steps": ["Oefenen in de klas, twee keer per week."],
        "guardian_view": "Thuis gaat het goed.",
        "guardian_support_needs": "Tips om thuis te oefenen.",
        "agreements": agreements or [],
        **extra,
    }


def agreement(responsible: UUID, due_on: date, evaluate_on: date) -> dict[str, Any]:
    return {
        "what": "Elke week een oefenblad mee naar huis.",
        "responsible_id": str(responsible),
        "due_on": due_on.isoformat(),
        "evaluate_on": evaluate_on.isoformat(),
    }
