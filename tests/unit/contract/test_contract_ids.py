from __future__ import annotations

from uuid import UUID

import pytest
from samen_contract import deterministic_event_id, pseudonymous_id
from samen_contract.ids import SAMEN_ENTITY_NAMESPACE, SAMEN_EVENT_NAMESPACE

pytestmark = pytest.mark.unit


def test_namespaces_never_change_because_stored_ids_derive_from_them() -> None:
    assert UUID("209d9401-ebf8-5c93-b0fc-9ff2b72111bf") == SAMEN_EVENT_NAMESPACE
    assert UUID("6f3332b6-d4a4-5213-92f3-ee1e817e2fa5") == SAMEN_ENTITY_NAMESPACE


def test_the_same_due_fact_always_gets_the_same_event_id() -> None:
    first = deterministic_event_id("ConsentExpired", "swv-utrecht", "c-1", "2025-07-31")
    again = deterministic_event_id("ConsentExpired", "swv-utrecht", "c-1", "2025-07-31")
    assert first == again
    assert first.version == 5


def test_a_different_due_fact_gets_a_different_event_id() -> None:
    july = deterministic_event_id("ConsentExpired", "c-1", "2025-07-31")
    august = deterministic_event_id("ConsentExpired", "c-1", "2025-08-31")
    assert july != august


def test_parts_are_kept_apart_so_shifting_a_separator_changes_the_id() -> None:
    assert deterministic_event_id("a:b", "c") != deterministic_event_id("a", "b:c")
    assert deterministic_event_id("ab", "c") != deterministic_event_id("a", "bc")


@pytest.mark.parametrize("parts", [(), ("",), ("due", "")])
def test_an_id_needs_non_empty_parts(parts: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="non-empty"):
        deterministic_event_id(*parts)


def test_an_entity_id_never_equals_the_event_id_of_the_same_parts() -> None:
    assert pseudonymous_id("pupil", "swv", "school", "123") != deterministic_event_id(
        "pupil", "swv", "school", "123"
    )


def test_a_reimported_pupil_keeps_its_pseudonymous_id() -> None:
    assert pseudonymous_id("pupil", "swv", "brin-01", "123") == pseudonymous_id(
        "pupil", "swv", "brin-01", "123"
    )
    assert pseudonymous_id("pupil", "swv", "brin-01", "123") != pseudonymous_id(
        "guardian", "swv", "brin-01", "123"
    )
