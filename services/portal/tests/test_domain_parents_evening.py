"""Inviting all parents of a school to a parents' evening: only the school's IB or
director, one Dutch message for the whole school, and what the form gets wrong is said
before anything is sent."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest
from samen_kit.access import Role, StaffPrincipal
from samen_portal.domain.parents_evening import (
    InvitationInvalid,
    dutch_day,
    invitation_body,
    may_invite_parents,
)
from samen_portal.domain.scope import Viewer

pytestmark = pytest.mark.unit

SCHOOL = str(uuid4())
TODAY = date(2027, 3, 1)
FORM = {
    "school": SCHOOL,
    "day": "2027-03-18",
    "start": "19:30",
    "end": "21:00",
    "place": "De aula van de school",
    "sender": "Het team van De Linde",
}


def viewer(role: Role, schools: tuple[str, ...] = (SCHOOL,)) -> Viewer:
    principal = StaffPrincipal(
        subject="x", tenant="swv", role=role, schools=frozenset(schools), boards=frozenset()
    )
    return Viewer(principal)


def test_an_ib_or_director_of_a_school_invites_its_parents_and_a_teacher_does_not() -> None:
    assert may_invite_parents(viewer(Role.IB))
    assert may_invite_parents(viewer(Role.DIRECTOR))
    assert not may_invite_parents(viewer(Role.TEACHER))
    assert not may_invite_parents(viewer(Role.IB, schools=()))


def test_the_invitation_goes_to_the_whole_school_in_dutch_with_day_time_and_place() -> None:
    body = invitation_body(FORM, frozenset({SCHOOL}), TODAY)
    assert (body["scope"], body["scope_id"]) == ("school", SCHOOL)
    assert body["sender_name"] == "Het team van De Linde"
    text = body["texts"]["nl"]
    assert text["subject"] == "Uitnodiging ouderavond donderdag 18 maart 2027"
    assert "donderdag 18 maart 2027 van 19:30 tot 21:00 uur" in text["body"]
    assert "Waar: De aula van de school." in text["body"]


def test_a_dutch_day_names_weekday_and_month() -> None:
    assert dutch_day(date(2027, 1, 4)) == "maandag 4 januari 2027"


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"school": str(uuid4())}, "Kies de school"),
        ({"day": "2027-03-01"}, "na vandaag"),
        ({"end": "19:00"}, "eindigt na de begintijd"),
        ({"day": "18-03-2027"}, "geldige datum"),
        ({"place": ""}, "waar de avond is"),
    ],
)
def test_a_form_with_a_mistake_is_not_sent(change: dict[str, str], said: str) -> None:
    with pytest.raises(InvitationInvalid, match=said):
        invitation_body({**FORM, **change}, frozenset({SCHOOL}), TODAY)
