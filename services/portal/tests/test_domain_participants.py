"""Who takes part besides the parents: what each kind of meeting needs, said in Dutch,
and the people to choose, by name where one is known."""

from __future__ import annotations

from uuid import uuid4

import pytest
from samen_portal.domain.meeting_problems import meeting_refusal, problem_code
from samen_portal.domain.participants import choices, missing_roles, needs_text

pytestmark = pytest.mark.unit


def test_the_form_says_an_mdo_needs_the_parents_teacher_ib_and_trajectbegeleider() -> None:
    assert needs_text("mdo") == (
        "Hierbij zijn nodig: de ouders, de leerkracht, de intern begeleider"
        " en de trajectbegeleider."
    )
    assert needs_text("progress_talk") == "Hierbij zijn nodig: de ouders."


def test_the_planner_fills_their_own_role() -> None:
    assert missing_roles("mdo", ["teacher"], "ib") == ["trajectbegeleider"]
    assert missing_roles("support_team", [], "ib") == []
    assert missing_roles("support_team", [], "teacher") == ["ib"]


def test_colleagues_show_by_name_and_an_unnamed_one_by_role_and_short_id() -> None:
    named, unnamed, adviser, admin = uuid4(), uuid4(), uuid4(), uuid4()
    found = choices(
        [(named, "teacher"), (unnamed, "teacher"), (adviser, "trajectbegeleider"), (admin, "x")],
        {named: "Sanne de Vries", adviser: "Ahmed Yilmaz"},
    )
    assert [p.label for p in found["teacher"]] == [
        f"Leerkracht {str(unnamed)[:8]}",
        "Sanne de Vries",
    ]
    assert [p.person_id for p in found["trajectbegeleider"]] == [adviser]
    assert found["ib"] == []


def test_a_missing_trajectbegeleider_from_the_meetings_service_reads_as_a_clear_message() -> None:
    problem = {
        "type": "urn:samen:problem:required-role-missing",
        "status": 422,
        "roles": ["guardian", "trajectbegeleider"],
        "one_of": False,
    }
    assert problem_code(problem) == "required-role-missing"
    assert meeting_refusal(problem) == (
        "Voor dit gesprek is nog nodig: de trajectbegeleider. Kies wie meedoet."
    )


def test_a_colleague_of_another_school_reads_as_such() -> None:
    problem = {"type": "https://samen.invalid/problems/participant-from-another-school"}
    assert meeting_refusal(problem) == (
        "Iemand die u koos werkt niet op de school van deze leerling."
    )


def test_a_problem_the_planner_cannot_fix_gets_the_general_message() -> None:
    assert meeting_refusal({"type": "urn:samen:problem:not-found"}) is None
    assert meeting_refusal(None) is None
