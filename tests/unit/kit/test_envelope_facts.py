"""The envelope facts of an event about one pupil: keyed by the pupil, placed at their
board and school, correlated by the case they belong to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest
from samen_contract import Envelope
from samen_contract.events.consent import PupilEnrolled
from samen_kit.envelope_facts import about_pupil

pytestmark = pytest.mark.unit

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Row:
    tenant: str
    pupil_id: UUID
    board_id: str | None
    school_id: UUID


def test_an_event_about_a_case_is_keyed_by_the_pupil_and_correlated_by_the_case() -> None:
    row, case = Row("swv-a", uuid4(), "board-1", uuid4()), uuid4()

    facts = about_pupil(row, actor="system:test", at=AT, correlation=case)

    assert facts == {
        "tenant": "swv-a",
        "subject": str(row.pupil_id),
        "actor": "system:test",
        "board": "board-1",
        "school": str(row.school_id),
        "correlationid": str(case),
        "event_id": None,
        "time": AT,
    }


def test_an_event_without_a_case_correlates_with_itself() -> None:
    row = Row("swv-a", uuid4(), None, uuid4())
    event = PupilEnrolled(pupil_id=row.pupil_id, school_id=row.school_id, enrolled_on=AT.date())
    facts = about_pupil(row, actor="system:test", at=AT)

    envelope = Envelope.for_event(
        event, sequence=1, **{k: v for k, v in facts.items() if k != "event_id"}
    )

    assert envelope.correlationid == envelope.id
