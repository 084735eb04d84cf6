"""The roster projection's rules, without a database: which facts it applies, what
each changes, always under the envelope's tenant; and the tables' keys."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest
from samen_contract import Envelope, Event
from samen_contract.events.consent import (
    ConsentGiven,
    GuardianshipEnded,
    GuardianshipRecorded,
    GuardianStanding,
    PupilEnrolled,
    PupilGroupChanged,
    PupilLeft,
)
from samen_kit.roster import (
    ROSTER_FACTS,
    ROSTER_TABLES,
    Enrolment,
    GroupChange,
    Guardianship,
    GuardianshipEnd,
    Leaving,
    attach_roster_tables,
    roster_change,
)
from sqlalchemy import MetaData
from sqlmodel import SQLModel

pytestmark = pytest.mark.unit

PUPIL, SCHOOL, GUARDIAN = uuid4(), uuid4(), uuid4()


def envelope(event: Event, tenant: str = "swv-a", board: str | None = None) -> Envelope:
    return Envelope.for_event(
        event, tenant=tenant, subject=PUPIL, actor="system:test", sequence=1, board=board
    )


def change(event: Event, tenant: str = "swv-a", board: str | None = None) -> object:
    return roster_change(envelope(event, tenant, board), event)


def test_an_enrolment_places_the_pupil_at_the_school_of_the_envelopes_tenant_and_board() -> None:
    fact = PupilEnrolled(pupil_id=PUPIL, school_id=SCHOOL, enrolled_on=date(2025, 8, 25))

    assert change(fact, "swv-a", "board-1") == Enrolment(
        "swv-a", PUPIL, SCHOOL, "board-1", date(2025, 8, 25)
    )
    assert change(fact, "swv-b") == Enrolment("swv-b", PUPIL, SCHOOL, None, date(2025, 8, 25))


def test_a_leaving_names_the_school_left() -> None:
    fact = PupilLeft(pupil_id=PUPIL, school_id=SCHOOL, left_on=date(2026, 7, 10))

    assert change(fact) == Leaving("swv-a", PUPIL, SCHOOL, date(2026, 7, 10))


@pytest.mark.parametrize("standing", list(GuardianStanding))
def test_a_guardianship_carries_its_standing(standing: GuardianStanding) -> None:
    fact = GuardianshipRecorded(pupil_id=PUPIL, guardian_id=GUARDIAN, standing=standing)

    assert change(fact, "swv-b") == Guardianship("swv-b", PUPIL, GUARDIAN, standing.value)


def test_an_ended_guardianship_is_keyed_by_tenant_pupil_and_guardian() -> None:
    fact = GuardianshipEnded(pupil_id=PUPIL, guardian_id=GUARDIAN)

    assert change(fact, "swv-b") == GuardianshipEnd("swv-b", PUPIL, GUARDIAN)


def test_other_facts_and_unknown_types_change_nothing() -> None:
    given = ConsentGiven(
        request_id=uuid4(), pupil_id=PUPIL, purpose="share_file", purpose_version=1
    )

    assert change(given) is None
    assert roster_change(envelope(given), None) is None


def test_an_enrolment_carries_the_class_group_the_roster_names() -> None:
    fact = PupilEnrolled(
        pupil_id=PUPIL, school_id=SCHOOL, enrolled_on=date(2025, 8, 25), group="7b"
    )

    assert change(fact) == Enrolment("swv-a", PUPIL, SCHOOL, None, date(2025, 8, 25), "7b")


def test_a_move_to_another_group_names_the_school_and_the_new_group() -> None:
    fact = PupilGroupChanged(pupil_id=PUPIL, school_id=SCHOOL, group="8a")

    assert change(fact, "swv-b") == GroupChange("swv-b", PUPIL, SCHOOL, "8a")


def test_the_roster_facts_are_the_five_of_the_consent_service() -> None:
    assert {fact.__name__ for fact in ROSTER_FACTS} == {
        "PupilEnrolled",
        "PupilGroupChanged",
        "PupilLeft",
        "GuardianshipRecorded",
        "GuardianshipEnded",
    }


def test_every_row_is_keyed_by_tenant_first() -> None:
    keys = {table.name: [c.name for c in table.primary_key.columns] for table in ROSTER_TABLES}

    assert keys == {
        "roster_pupil": ["tenant", "pupil_id"],
        "roster_guardianship": ["tenant", "pupil_id", "guardian_id"],
    }


def test_the_tables_attach_to_a_services_own_metadata_and_nowhere_else() -> None:
    service, other = MetaData(), MetaData()

    attached = attach_roster_tables(service)

    assert sorted(service.tables) == ["roster_guardianship", "roster_pupil"]
    assert all(table.metadata is service for table in attached)
    assert not other.tables
    assert [c.name for c in service.tables["roster_pupil"].primary_key.columns] == [
        "tenant",
        "pupil_id",
    ]
    # Not in the metadata every SQLModel table shares (consent has no roster projection).
    assert "roster_pupil" not in SQLModel.metadata.tables
