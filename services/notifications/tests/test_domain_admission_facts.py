"""What a message about a request to the samenwerkingsverband states, and what it opens."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from samen_notifications.domain.facts import event_facts, facts_from_json, facts_to_json
from samen_notifications.domain.items import ItemKind, ItemRef, item_of

pytestmark = pytest.mark.unit

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
REQUEST = uuid4()


def _type(name: str) -> str:
    return f"samen.admissions.{name}.v1"


def _granted() -> dict[str, object]:
    return {
        "request_id": str(REQUEST),
        "pupil_id": str(uuid4()),
        "school_id": str(uuid4()),
        "kind": "tlv",
        "category": "so_low",
        "decided_on": "2026-03-02",
        "start_date": "2026-04-01",
        "end_date": "2027-07-31",
        "objection_by": "2026-04-14",
    }


def test_a_grant_states_its_kind_its_period_and_the_last_day_to_object() -> None:
    assert event_facts(_type("AdmissionGranted"), _granted(), AT) == {
        "admission_kind": "tlv",
        "start_date": date(2026, 4, 1),
        "end_date": date(2027, 7, 31),
        "objection_by": date(2026, 4, 14),
    }


def test_the_dates_of_a_decision_survive_being_kept_as_json() -> None:
    facts = event_facts(_type("AdmissionGranted"), _granted(), AT)
    assert facts_from_json(facts_to_json(facts)) == facts


def test_an_objection_decided_states_the_outcome_and_its_day() -> None:
    data = {"request_id": str(REQUEST), "outcome": "upheld", "decided_on": "2026-06-12"}
    assert event_facts(_type("AdmissionObjectionDecided"), data, AT) == {
        "objection_outcome": "upheld",
        "decided_on": date(2026, 6, 12),
    }


def test_an_overdue_registration_is_due_on_its_decision_day() -> None:
    data = {"registration_id": str(uuid4()), "decide_by": "2026-02-27"}
    assert event_facts(_type("RegistrationOverdue"), data, AT) == {"due_date": date(2026, 2, 27)}


def test_a_message_about_a_request_opens_the_request_on_the_admissions_page() -> None:
    item = item_of(_type("AdmissionGranted"), _granted())
    assert item == ItemRef(ItemKind.ADMISSION_REQUEST, str(REQUEST))
    assert (item.claim, item.owner) == (f"admission_request:{REQUEST}", "admissions")


def test_a_thuiszitter_report_opens_no_page() -> None:
    data = {"absence_id": str(uuid4()), "home_since": "2026-01-12", "reported_on": "2026-02-10"}
    assert item_of(_type("ThuiszitterReported"), data) is None
