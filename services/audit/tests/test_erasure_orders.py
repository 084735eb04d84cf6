"""What an erasure fact asks of the log, read from its canonical entry (pure)."""

from __future__ import annotations

import json

import pytest
from samen_audit.domain.erasure_orders import ErasureOrder, erasure_order

pytestmark = pytest.mark.unit

PUPIL = "6f1c2b1e-9d7a-4f53-9a0e-2d6a8f0e4b11"


def _entry(event_type: str, subject: str = PUPIL, **data: object) -> bytes:
    body = {"pupil_id": PUPIL, "basis": "wpo_40a_opp", **data}
    document = {"attributes": {"type": event_type, "subject": subject}, "data": body}
    return json.dumps(document).encode()


def test_an_erasure_fact_names_the_service_the_pupil_and_the_basis() -> None:
    order = erasure_order(_entry("samen.plans.PersonalDataErased.v1"))
    assert order == ErasureOrder("plans", PUPIL, "wpo_40a_opp")
    assert order.types_like == "samen.plans.%"


@pytest.mark.parametrize(
    "entry",
    [
        _entry("samen.plans.OppSet.v1"),  # not an erasure fact
        _entry("samen.plans.PersonalDataErased.v1", subject="another-pupil"),
        _entry("samen.plans.PersonalDataErased.v1", basis="Not A Code"),
        b"not json",
    ],
)
def test_anything_else_orders_nothing(entry: bytes) -> None:
    assert erasure_order(entry) is None
