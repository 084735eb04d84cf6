"""Builders shared by the contract's tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

import pytest
from samen_contract import Envelope, Event
from samen_contract.events.consent import PupilEnrolled

EnvelopeFor = Callable[..., Envelope]


@pytest.fixture
def pupil_enrolled() -> PupilEnrolled:
    return PupilEnrolled(pupil_id=uuid4(), school_id=uuid4(), enrolled_on=date(2025, 8, 18))


@pytest.fixture
def envelope_for() -> EnvelopeFor:
    def build(event: Event, **overrides: Any) -> Envelope:
        subject = getattr(event, "pupil_id", "swv-utrecht")
        arguments: dict[str, Any] = {
            "tenant": "swv-utrecht",
            "subject": subject,
            "actor": "ib:3f1c2a9e-0d4b-4c1e-9a57-1b2c3d4e5f60",
            "sequence": 7,
            "board": "board-42",
            "school": uuid4(),
            "causationid": uuid4(),
            "time": datetime(2025, 9, 1, 8, 30, 15, 123456, tzinfo=UTC),
        }
        return Envelope.for_event(event, **(arguments | overrides))

    return build
