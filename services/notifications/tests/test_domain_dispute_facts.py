"""What a dispute's fact tells the guardians' messages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from samen_notifications.domain.facts import event_facts

pytestmark = pytest.mark.unit

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("school_kind", "private"), [("private", True), ("public", False), (None, False)]
)
def test_a_dispute_fact_tells_whether_the_school_is_private(
    school_kind: str | None, private: bool
) -> None:
    """A fact from before the kind travelled reads as public, as disputes counts it."""
    data = {"subject": "removal", "stage": "objection", "next_deadline_date": "2026-04-14"}
    if school_kind:
        data["school_kind"] = school_kind
    facts = event_facts("samen.disputes.DisputeStageChanged.v1", data, AT)
    assert facts["private_school"] is private
