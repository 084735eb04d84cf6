"""The actions' request bodies: what the form can get wrong is said in Dutch before
anything is sent; what is sent is what the owning service's API takes."""

from __future__ import annotations

from uuid import uuid4

import pytest
from samen_portal.domain.actions import (
    ActionInvalid,
    meeting_body,
    opp_body,
    record_body,
    request_body,
)

pytestmark = pytest.mark.unit

PUPIL, ME, TEACHER, ADVISER = uuid4(), uuid4(), uuid4(), uuid4()
MEETING = {"kind": "progress_talk", "day": "2026-03-10", "start": "14:30", "minutes": "45"}
MDO = {
    **MEETING,
    "kind": "mdo",
    "deelnemer_teacher": str(TEACHER),
    "deelnemer_trajectbegeleider": str(ADVISER),
}


def test_a_meeting_runs_from_its_local_start_for_its_length_with_the_planner() -> None:
    body = meeting_body(MEETING, PUPIL, ME, "ib")
    assert body["starts_at"] == "2026-03-10T14:30:00+01:00"
    assert body["ends_at"] == "2026-03-10T15:15:00+01:00"
    assert body["staff_ids"] == [str(ME)] and body["interpreter_needed"] is False
    assert body["interpreter_language"] is None


def test_an_ib_who_plans_an_mdo_with_a_teacher_and_a_trajectbegeleider_invites_all_three() -> None:
    body = meeting_body(MDO, PUPIL, ME, "ib")
    assert body["kind"] == "mdo"
    assert body["staff_ids"] == [str(ME), str(TEACHER), str(ADVISER)]


def test_an_ib_who_also_chose_themselves_is_invited_once() -> None:
    body = meeting_body({**MDO, "deelnemer_ib": str(ME)}, PUPIL, ME, "ib")
    assert body["staff_ids"] == [str(ME), str(TEACHER), str(ADVISER)]


def test_an_mdo_without_a_trajectbegeleider_is_not_sent_and_the_form_says_who_is_missing() -> None:
    fields = {**MDO, "deelnemer_trajectbegeleider": ""}
    with pytest.raises(ActionInvalid, match="Kies ook de trajectbegeleider"):
        meeting_body(fields, PUPIL, ME, "ib")


def test_a_teacher_who_plans_an_mdo_still_needs_an_ib() -> None:
    fields = {**MDO, "deelnemer_teacher": ""}
    with pytest.raises(ActionInvalid, match="intern begeleider"):
        meeting_body(fields, PUPIL, ME, "teacher")
    assert meeting_body({**fields, "deelnemer_ib": str(uuid4())}, PUPIL, ME, "teacher")


def test_a_participant_who_is_no_id_from_the_list_is_not_sent() -> None:
    with pytest.raises(ActionInvalid, match="uit de lijst"):
        meeting_body({**MDO, "deelnemer_teacher": "juf Anna"}, PUPIL, ME, "ib")


def test_an_interpreter_needs_a_language() -> None:
    with pytest.raises(ActionInvalid, match="taal"):
        meeting_body({**MEETING, "interpreter": "ja"}, PUPIL, ME, "ib")
    body = meeting_body(
        {**MEETING, "interpreter": "ja", "interpreter_language": "Arabisch"}, PUPIL, ME, "ib"
    )
    assert body["interpreter_needed"] is True and body["interpreter_language"] == "Arabisch"


@pytest.mark.parametrize(
    "change",
    [{"kind": "party"}, {"day": "10-03-2026"}, {"start": "late"}, {"minutes": "20"}],
)
def test_a_meeting_form_with_a_wrong_field_is_not_sent(change: dict[str, str]) -> None:
    with pytest.raises(ActionInvalid):
        meeting_body({**MEETING, **change}, PUPIL, ME, "ib")


def test_a_record_has_one_item_per_line_and_needs_strengths_and_concerns() -> None:
    fields = {
        "strengths": "Leest graag\n\n  Helpt anderen ",
        "concerns": "Rekenen",
        "goals": "Tafels van 6",
        "next_steps": "Oefenen met de RT",
    }
    body = record_body(fields, ME)
    assert body["strengths"] == ["Leest graag", "Helpt anderen"]
    with pytest.raises(ActionInvalid, match="zorgen"):
        record_body({**fields, "concerns": "  "}, ME)


def test_an_opp_and_a_request_carry_only_what_their_services_take() -> None:
    opp = opp_body({"started_on": "2026-02-02"}, PUPIL)
    assert set(opp) == {"opp_id", "pupil_id", "support_started_on"}
    request = request_body(
        {"kind": "tlv", "category": "sbo", "motivation": "Past niet\nin de klas"}, PUPIL
    )
    assert request["motivation"] == "Past niet in de klas"
    with pytest.raises(ActionInvalid):
        request_body({"kind": "tlv", "category": "light", "motivation": "x"}, PUPIL)
