"""No event carries names, contact points or free text (ARCHITECTURE.md)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import pytest
from pydantic import BaseModel, Field
from samen_contract import registry
from samen_contract.privacy import personal_data_findings

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("event_type", registry.event_types())
def test_no_registered_event_can_carry_personal_data_or_free_text(event_type: str) -> None:
    event_class = registry.event_class_for(event_type)
    assert event_class is not None
    assert personal_data_findings(event_class.model_json_schema()) == []


class _Contact(BaseModel):
    display_name: Annotated[str, Field(pattern=r"^[A-Za-z ]+$")]


class _Leaky(BaseModel):
    pupil_id: UUID
    first_name: Annotated[str, Field(pattern=r"^[A-Z][a-z]+$")]
    guardian_email: Annotated[str, Field(pattern=r"^.+@.+$")]
    PhoneNumber: Annotated[str, Field(pattern=r"^\+?[0-9]+$")]
    birth_date: date
    note: Annotated[str, Field(max_length=200)]
    remark: str | None = None
    contacts: list[_Contact] = []
    labels: dict[str, int] = {}


def test_the_check_flags_names_contact_points_birth_dates_and_free_text() -> None:
    findings = personal_data_findings(_Leaky.model_json_schema())
    flagged = {finding.split(":")[0] for finding in findings}
    assert flagged == {
        "first_name",
        "guardian_email",
        "PhoneNumber",
        "birth_date",
        "note",
        "remark",
        "contacts[].display_name",
        "labels",
    }
    assert "pupil_id" not in flagged
