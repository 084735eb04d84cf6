"""Staff open disputes and move them over real HTTP; the facts reach Kafka with ids and
codes only. Refused moves answer RFC 9457 problems and change nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import uuid4

import httpx
import pytest
from samen_kit.access import Role
from samen_kit.testing.waiting import wait_for

from services.disputes.tests.disputes_harness import Pupil, Roster, Running, Tap, enrolled

pytestmark = pytest.mark.integration

DESCRIPTION = "De school wil mijn zoon verwijderen na één incident. Wij vinden dat niet eerlijk."
REASON = "Het bestuur volgt het oordeel niet: de veiligheid van de klas gaat voor."


def board_admin(disputes: Running, pupil: Pupil) -> dict[str, str]:
    return disputes.staff_token(pupil.tenant, Role.BOARD_ADMIN, boards=(pupil.board,))


def ib(disputes: Running, pupil: Pupil) -> dict[str, str]:
    return disputes.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))


async def open_removal(
    client: httpx.AsyncClient, disputes: Running, pupil: Pupil, **body: Any
) -> dict[str, Any]:
    decided_on = (disputes.clock.now() - timedelta(days=3)).date()
    payload = {
        "pupil_id": str(pupil.pupil_id),
        "subject": "removal",
        "description": DESCRIPTION,
        "decision_date": decided_on.isoformat(),
        **body,
    }
    response = await client.post("/disputes", json=payload, headers=ib(disputes, pupil))
    assert response.status_code == 201, response.text
    opened: dict[str, Any] = response.json()
    return opened


async def removal_disputed(
    client: httpx.AsyncClient, disputes: Running, roster: Roster
) -> tuple[Pupil, dict[str, str], str]:
    """A pupil enrolled and the IB's dispute about their removal opened: (pupil, the
    board administrator's headers, the dispute's id)."""
    pupil = await enrolled(disputes, roster)
    dispute_id = (await open_removal(client, disputes, pupil))["id"]
    return pupil, board_admin(disputes, pupil), dispute_id


async def move(
    client: httpx.AsyncClient, headers: dict[str, str], dispute_id: str, **body: Any
) -> httpx.Response:
    return await client.post(f"/disputes/{dispute_id}/moves", json=body, headers=headers)


async def test_staff_open_a_dispute_and_the_opening_reaches_kafka_without_free_text(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(disputes, consent_roster)

    opened = await open_removal(client, disputes, pupil)

    assert opened["stage"] == "conversation"
    assert opened["description"] == DESCRIPTION
    assert opened["next_deadline"]["kind"] == "objection_filing"
    seen = await wait_for(lambda: disputes_tap.of(pupil.tenant, "DisputeOpened"))
    event = seen[0]
    assert event.envelope.subject == str(pupil.pupil_id)
    assert event.envelope.school == str(pupil.school_id)
    assert event.envelope.board == pupil.board
    assert event.data["dispute_id"] == opened["id"]
    assert event.data["subject"] == "removal"
    assert event.data["opened_by"] == "staff"
    assert event.data["stage"] == "conversation"
    assert event.data["next_deadline_kind"] == "objection_filing"
    assert event.data["next_deadline_date"] == opened["next_deadline"]["due_date"]
    assert "Wij vinden" not in str(event.data)


async def test_a_full_procedure_objection_committee_advice_and_a_departing_decision(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil, board, dispute_id = await removal_disputed(client, disputes, consent_roster)

    for body in (
        {"move": "enter:objection"},
        {"move": "enter:disputes_committee"},
        {"move": "request_defence"},
        {"move": "record_defence"},
        {"move": "record_advice", "advice": "well_founded"},
        {"move": "decide", "outcome": "upheld", "reason": REASON},
    ):
        response = await move(client, board, dispute_id, **body)
        assert response.status_code == 200, response.text

    final = response.json()
    assert final["ending"] == "decided" and final["outcome"] == "upheld"
    assert [m["move"] for m in final["moves"]][-1] == "decide"
    assert final["moves"][-1]["reason"] == REASON
    assert final["moves"][-1]["departs_from_advice"] is True
    decided = await wait_for(lambda: disputes_tap.of(pupil.tenant, "DisputeDecided"))
    assert decided[0].data["outcome"] == "upheld"
    assert decided[0].data["advice"] == "well_founded"
    assert decided[0].data["departs_from_advice"] is True
    assert "veiligheid" not in str(decided[0].data)
    changed = disputes_tap.of(pupil.tenant, "DisputeStageChanged")
    assert [c.data["move"] for c in changed] == [
        "enter",
        "enter",
        "request_defence",
        "record_defence",
        "record_advice",
    ]
    assert changed[1].data["stages_after"] == ["disputes_committee", "objection"]
    # The defence term runs from the committee's request to the board.
    assert changed[1].data["next_deadline_kind"] == "committee_procedure"
    assert changed[2].data["next_deadline_kind"] == "committee_defence"


async def test_an_illegal_move_is_a_409_listing_the_allowed_moves_and_changes_nothing(
    disputes: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    _, board, dispute_id = await removal_disputed(client, disputes, consent_roster)

    response = await move(client, board, dispute_id, move="record_defence")

    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:samen:problem:move-not-allowed"
    assert "enter:objection" in problem["allowed_moves"]
    after = (await client.get(f"/disputes/{dispute_id}", headers=board)).json()
    assert after["moves"] == [] and after["stages"] == ["conversation"]


async def test_a_move_by_a_role_that_may_not_make_it_is_a_403_and_changes_nothing(
    disputes: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil, board, dispute_id = await removal_disputed(client, disputes, consent_roster)
    await move(client, board, dispute_id, move="enter:objection")

    response = await move(client, ib(disputes, pupil), dispute_id, move="decide", outcome="upheld")

    assert response.status_code == 403
    assert response.json()["type"] == "urn:samen:problem:move-not-permitted"
    assert "decide" not in response.json()["allowed_moves"]
    after = (await client.get(f"/disputes/{dispute_id}", headers=ib(disputes, pupil))).json()
    assert after["ending"] is None and len(after["moves"]) == 1


async def test_a_decision_without_an_outcome_is_a_422_and_changes_nothing(
    disputes: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    _, board, dispute_id = await removal_disputed(client, disputes, consent_roster)
    await move(client, board, dispute_id, move="enter:objection")

    response = await move(client, board, dispute_id, move="decide")

    assert response.status_code == 422
    assert response.json()["type"] == "urn:samen:problem:move-incomplete"
    after = (await client.get(f"/disputes/{dispute_id}", headers=board)).json()
    assert after["ending"] is None and after["stages"] == ["objection"]


async def test_a_dispute_on_a_pupil_of_another_school_is_not_found(
    disputes: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    other_school = disputes.staff_token(pupil.tenant, Role.IB, schools=(uuid4(),))
    body = {"pupil_id": str(pupil.pupil_id), "subject": "other", "description": "x"}

    response = await client.post("/disputes", json=body, headers=other_school)

    assert response.status_code == 404
    assert response.json()["type"] == "urn:samen:problem:not-found"
    listed = await client.get("/disputes", headers=ib(disputes, pupil))
    assert listed.json()["items"] == []


async def test_staff_of_the_board_see_open_disputes_with_age_stage_and_next_deadline(
    disputes: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    sibling = await enrolled(disputes, consent_roster, pupil.tenant, board=pupil.board)
    first = (await open_removal(client, disputes, pupil))["id"]
    second = (await open_removal(client, disputes, sibling))["id"]
    await move(client, board_admin(disputes, sibling), second, move="withdraw")

    disputes.clock.advance(timedelta(days=2))
    listed = (await client.get("/disputes", headers=board_admin(disputes, pupil))).json()
    with_ended = await client.get(
        "/disputes", params={"include_ended": "true"}, headers=board_admin(disputes, pupil)
    )

    assert [d["id"] for d in listed["items"]] == [first]
    item = listed["items"][0]
    assert item["age_days"] == 2
    assert item["stage"] == "conversation"
    assert item["next_deadline"]["kind"] == "objection_filing"
    assert {d["id"] for d in with_ended.json()["items"]} == {first, second}
