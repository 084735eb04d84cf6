from __future__ import annotations

from uuid import UUID

import pytest
from samen_contract import Event, registry
from samen_contract.events.access import AccessRefused
from samen_contract.events.consent import (
    GuardianshipEnded,
    GuardianshipRecorded,
    PupilEnrolled,
    PupilLeft,
)
from samen_contract.topics import SERVICES

pytestmark = pytest.mark.unit


def test_every_class_is_found_by_its_type() -> None:
    for event_type in registry.event_types():
        event_class = registry.event_class_for(event_type)
        assert event_class is not None
        assert event_class.event_type() == event_type


def test_the_consent_roster_events_are_registered() -> None:
    for event_class in (PupilEnrolled, PupilLeft, GuardianshipRecorded, GuardianshipEnded):
        assert registry.event_class_for(event_class.event_type()) is event_class


def test_each_service_has_its_own_access_refused_type() -> None:
    for service in SERVICES:
        event_class = registry.event_class_for(f"samen.{service}.AccessRefused.v1")
        assert event_class is AccessRefused.for_service(service)
        assert event_class in registry.events_of(service)


def test_an_unknown_type_has_no_class() -> None:
    assert registry.event_class_for("samen.consent.ConsentGiven.v99") is None
    assert registry.event_class_for("not a type") is None


def test_event_classes_defined_outside_the_contract_are_not_registered() -> None:
    class PupilTransferred(Event):
        __service__ = "consent"
        pupil_id: UUID

    assert registry.event_class_for(PupilTransferred.event_type()) is None
    assert PupilTransferred not in registry.event_classes()


def test_the_registry_lists_types_sorted_and_classes_in_the_same_order() -> None:
    types = registry.event_types()
    assert list(types) == sorted(types)
    assert [c.event_type() for c in registry.event_classes()] == list(types)
