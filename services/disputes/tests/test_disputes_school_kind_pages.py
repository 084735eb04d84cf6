"""The parent page tells the guardians the route of their school's kind: at a private
(bijzondere) school a request for review and then the civil court, at a public school an
objection and then the administrative court — Dutch first, their language beside it."""

from __future__ import annotations

import httpx
import pytest
from samen_kit.access import Role

from services.disputes.tests.disputes_harness import Pupil, Roster, Running, enrolled
from services.disputes.tests.test_disputes_parent_pages import PAGE, open_on_page

pytestmark = pytest.mark.integration


async def pages_before_and_after_the_decision(
    disputes: Running, pupil: Pupil, language: str
) -> tuple[str, str]:
    """The dispute page of a removal, opened by the guardian; then after they objected
    and the board decided."""
    board = disputes.staff_token(pupil.tenant, Role.BOARD_ADMIN, boards=(pupil.board,))
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        dispute_id, _ = await open_on_page(disputes, guardian, pupil)
        before = await guardian.get(f"{PAGE}/{dispute_id}", params={"taal": language})
        objected = await guardian.post(
            f"{PAGE}/{dispute_id}/stap", data={"move": "enter:objection"}
        )
        assert objected.status_code == 303, objected.text
        decided = await guardian.post(
            f"/disputes/{dispute_id}/moves",
            json={"move": "decide", "outcome": "upheld"},
            headers=board,
        )
        assert decided.status_code == 200, decided.text
        after = await guardian.get(f"{PAGE}/{dispute_id}", params={"taal": language})
    assert before.status_code == 200 and after.status_code == 200
    return before.text, after.text


async def test_at_a_private_school_the_page_names_the_request_for_review_and_the_civil_court(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    board = disputes.staff_token(pupil.tenant, Role.BOARD_ADMIN, boards=(pupil.board,))
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        put = await http.put(
            f"/schools/{pupil.school_id}/kind", json={"kind": "private"}, headers=board
        )
    assert put.status_code == 200

    before, after = await pages_before_and_after_the_decision(disputes, pupil, "en")

    assert "(verzoek om herziening)" in before and "(request for review)" in before
    assert before.index("verzoek om herziening") < before.index("request for review")
    assert "Bezwaar maken" not in before and "Lodge an objection" not in before
    assert "burgerlijke rechter" in after and "civil court" in after
    assert "bestuursrechter" not in after and "administrative court" not in after


async def test_at_a_public_school_the_page_names_the_objection_and_the_administrative_court(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)  # its kind never set: public

    before, after = await pages_before_and_after_the_decision(disputes, pupil, "tr")

    assert "Bezwaar maken bij het schoolbestuur" in before
    assert "verzoek om herziening" not in before
    assert "bestuursrechter" in after and "idare mahkemesine" in after
    assert "burgerlijke rechter" not in after and "hukuk mahkemesine" not in after
