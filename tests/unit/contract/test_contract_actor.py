from __future__ import annotations

import pytest
from samen_contract.actor import parse_actor, person_actor, system_actor

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("ib:3f1c2a9e-0d4b-4c1e-9a57-1b2c3d4e5f60", ("ib", "3f1c2a9e-0d4b-4c1e-9a57-1b2c3d4e5f60")),
        ("guardian:9b2e", ("guardian", "9b2e")),
        ("trajectbegeleider:tb-7", ("trajectbegeleider", "tb-7")),
        ("system:consent.expiry", ("system", "consent.expiry")),
    ],
)
def test_a_valid_actor_splits_into_role_and_id(actor: str, expected: tuple[str, str]) -> None:
    assert parse_actor(actor) == expected


@pytest.mark.parametrize(
    "actor",
    [
        "ib",  # no id
        "ib:",  # empty id
        "janitor:123",  # unknown role
        "guardian:jan.jansen@example.org",  # an e-mail address is no pseudonymous id
        "teacher:Jan Jansen",  # nor is a name
        "system:Expiry Job",  # job names are lowercase slugs
    ],
)
def test_an_actor_that_is_not_role_and_pseudonymous_id_is_refused(actor: str) -> None:
    with pytest.raises(ValueError):
        parse_actor(actor)


def test_builders_produce_checked_actor_strings() -> None:
    assert person_actor("director", "d-1") == "director:d-1"
    assert system_actor("meetings.reminders") == "system:meetings.reminders"
    with pytest.raises(ValueError):
        person_actor("nobody", "x")
