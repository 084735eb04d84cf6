"""Inviting the parents of a school or of one of its groups to a parents' evening: only
the school's IB or director, one Dutch message with the evening for the calendar, and
what the form gets wrong is said before anything is sent."""

from __future__ import annotations

from datetime import date, datetime
from uuid import uuid4
from zoneinfo import ZoneInfo

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
GROUPS = frozenset({(SCHOOL, "7b"), (SCHOOL, "8a"), (str(uuid4()), "6c")})
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
    body = invitation_body(FORM, frozenset({SCHOOL}), GROUPS, TODAY)
    assert (body["scope"], body["scope_id"], body["group"]) == ("school", SCHOOL, None)
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
        ({"group": "6c"}, "Kies een groep van deze school"),
        ({"group": "9z"}, "Kies een groep van deze school"),
    ],
)
def test_a_form_with_a_mistake_is_not_sent(change: dict[str, str], said: str) -> None:
    with pytest.raises(InvitationInvalid, match=said):
        invitation_body({**FORM, **change}, frozenset({SCHOOL}), GROUPS, TODAY)


def test_one_group_is_invited_with_the_evening_in_amsterdam_time_for_the_calendar() -> None:
    body = invitation_body({**FORM, "group": "7b"}, frozenset({SCHOOL}), GROUPS, TODAY)

    assert body["group"] == "7b"
    assert (
        body["texts"]["nl"]["subject"] == "Uitnodiging ouderavond groep 7b donderdag 18 maart 2027"
    )
    event = body["event"]
    amsterdam = ZoneInfo("Europe/Amsterdam")
    assert datetime.fromisoformat(event["starts_at"]) == datetime(
        2027, 3, 18, 19, 30, tzinfo=amsterdam
    )
    assert datetime.fromisoformat(event["ends_at"]) == datetime(
        2027, 3, 18, 21, 0, tzinfo=amsterdam
    )
    assert (event["title"], event["place"]) == ("Ouderavond groep 7b", "De aula van de school")


def test_a_parent_with_only_a_mobile_number_reads_day_times_and_place_in_the_sms() -> None:
    sms = invitation_body(FORM, frozenset({SCHOOL}), GROUPS, TODAY)["texts"]["nl"]["sms"]

    assert (
        sms == "Ouderavond donderdag 18 maart 2027, 19:30-21:00 uur, De aula van de school. Welkom!"
    )


def test_the_same_evening_sent_again_keeps_its_calendar_entry_and_a_double_post_sends_once() -> (
    None
):
    first = invitation_body(FORM, frozenset({SCHOOL}), GROUPS, TODAY)
    later = invitation_body({**FORM, "start": "20:00"}, frozenset({SCHOOL}), GROUPS, TODAY)
    group = invitation_body({**FORM, "group": "8a"}, frozenset({SCHOOL}), GROUPS, TODAY)

    assert later["event"]["event_id"] == first["event"]["event_id"] != group["event"]["event_id"]
    assert later["broadcast_id"] != first["broadcast_id"]
    assert invitation_body(FORM, frozenset({SCHOOL}), GROUPS, TODAY) == first
