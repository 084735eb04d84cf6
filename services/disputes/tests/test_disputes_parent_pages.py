"""Guardians open, follow and add to their dispute on the parent pages, through a link
for their pupil: showing a page never uses the link up, the first form sent does."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any
from uuid import uuid4

import httpx
import pytest
from samen_contract.envelope import PLATFORM_TENANT
from samen_contract.events.consent import GuardianStanding
from samen_kit.access import GuardianItem, Role
from samen_kit.refusal_table import report_refusals
from samen_kit.testing.names import new_tenant
from samen_kit.testing.refusals import refusals_counted
from samen_kit.testing.waiting import wait_for

from services.disputes.tests.disputes_harness import Pupil, Roster, Running, Tap, enrolled

pytestmark = pytest.mark.integration

PAGE = "/ouders/geschillen"
START = "/ouders/geschil-starten"
DESCRIPTION = "Mijn dochter krijgt de hulp uit het OPP niet. Niemand luistert naar ons."
NOTE = "Wij hebben op 3 maart gebeld met de intern begeleider."


def opening_form(disputes: Running, token: str, **fields: str) -> dict[str, str]:
    decided_on = (disputes.clock.now() - timedelta(days=2)).date().isoformat()
    return {
        "token": token,
        "subject": "removal",
        "description": DESCRIPTION,
        "decision_date": decided_on,
        "stage": "conversation",
        "taal": "en",
        **fields,
    }


async def open_on_page(
    disputes: Running, guardian: httpx.AsyncClient, pupil: Pupil
) -> tuple[str, str]:
    """Open a dispute as the pupil's first guardian; the dispute id and the link's token."""
    token = disputes.guardian_token(pupil.tenant, pupil.guardians[0], pupil.pupil_id)
    response = await guardian.post(f"{START}/{pupil.pupil_id}", data=opening_form(disputes, token))
    assert response.status_code == 303, response.text
    found = re.search(r"/ouders/geschillen/([0-9a-f-]{36})", response.headers["location"])
    assert found is not None
    return found.group(1), token


async def opened_elsewhere(disputes: Running, pupil: Pupil) -> tuple[str, str]:
    """`open_on_page` in a browser of its own, closed again."""
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        return await open_on_page(disputes, guardian, pupil)


@contextlib.asynccontextmanager
async def guardian_who_opened(
    disputes: Running, consent_roster: Roster
) -> AsyncIterator[tuple[Pupil, httpx.AsyncClient, str]]:
    """A pupil enrolled and, in a browser of its own, their first guardian who opened a
    dispute on the page: (pupil, the guardian's browser, the dispute id)."""
    pupil = await enrolled(disputes, consent_roster)
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        dispute_id, _ = await open_on_page(disputes, guardian, pupil)
        yield pupil, guardian, dispute_id


async def refusals_reported(disputes: Running) -> None:
    """The refusals counted so far, reported once their window has closed."""
    disputes.clock.advance(timedelta(minutes=2))
    await report_refusals(disputes.service.deps, service="disputes", grace=timedelta(0))


async def read_and_open(
    disputes: Running, pupil: Pupil, token: str
) -> tuple[httpx.Response, httpx.Response]:
    """In a browser of its own, the opening form read through `token` and then sent."""
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        page = await guardian.get(f"{START}/{pupil.pupil_id}", params={"token": token})
        opened = await guardian.post(
            f"{START}/{pupil.pupil_id}", data=opening_form(disputes, token)
        )
    return page, opened


async def test_showing_the_form_never_uses_the_link_up(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    token = disputes.guardian_token(pupil.tenant, pupil.guardians[0], pupil.pupil_id)
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        for _ in range(2):
            page = await guardian.get(f"{START}/{pupil.pupil_id}", params={"token": token})
            assert page.status_code == 200
            assert 'name="token"' in page.text
            assert f'action="{START}/{pupil.pupil_id}"' in page.text
            assert "set-cookie" not in page.headers
        opened = await guardian.post(
            f"{START}/{pupil.pupil_id}", data=opening_form(disputes, token)
        )
    assert opened.status_code == 303
    assert "samen_guardian_session" in opened.headers["set-cookie"]


async def test_a_guardian_opens_a_dispute_and_reads_their_rights_dutch_first(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    async with guardian_who_opened(disputes, consent_roster) as (pupil, guardian, dispute_id):
        page = await guardian.get(f"{PAGE}/{dispute_id}", params={"taal": "en"})

    assert page.status_code == 200
    text = page.text
    assert text.index("U praat met de school") < text.index("You are talking with the school")
    assert "Bezwaar maken bij het schoolbestuur. Dat kan tot en met" in text
    assert "onderwijsconsulenten.nl" in text
    opened = await wait_for(lambda: disputes_tap.of(pupil.tenant, "DisputeOpened"))
    assert opened[0].data["opened_by"] == "guardian"
    assert opened[0].envelope.actor == f"guardian:{pupil.guardians[0]}"
    options = {o["kind"] for o in opened[0].data["guardian_options"]}
    assert {"objection", "disputes_committee", "mediation", "withdraw"} <= options
    assert "luistert" not in str(opened[0].data)


async def test_a_guardian_moves_and_adds_a_note_the_note_stays_off_the_bus(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    async with guardian_who_opened(disputes, consent_roster) as (pupil, guardian, dispute_id):
        moved = await guardian.post(
            f"{PAGE}/{dispute_id}/stap", data={"move": "enter:mediation", "reason": "Graag"}
        )
        noted = await guardian.post(f"{PAGE}/{dispute_id}/notitie", data={"text": NOTE})
        page = await guardian.get(f"{PAGE}/{dispute_id}")

    assert moved.status_code == 303 and noted.status_code == 303
    assert NOTE in page.text and "Mediation" in page.text
    changed = await wait_for(lambda: disputes_tap.of(pupil.tenant, "DisputeStageChanged"))
    assert changed[0].data["moved_by"] == "guardian"
    assert changed[0].data["stages_after"] == ["mediation"]
    assert changed[0].data["no_deadline_reason"] is None  # the objection term still runs
    added = await wait_for(lambda: disputes_tap.of(pupil.tenant, "DisputeNoteAdded"))
    assert added[0].data["added_by"] == "guardian"
    assert "intern begeleider" not in str(added[0].data)


async def test_the_other_guardian_follows_the_dispute_through_their_own_link(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster, guardians=2)
    dispute_id, _ = await opened_elsewhere(disputes, pupil)
    item = GuardianItem.of("dispute", dispute_id)
    token = disputes.guardian_token(pupil.tenant, pupil.guardians[1], pupil.pupil_id, item)
    async with httpx.AsyncClient(base_url=disputes.base_url) as second:
        listed = await second.get(PAGE, params={"token": token})
        page = await second.get(f"{PAGE}/{dispute_id}", params={"token": token})

    assert page.status_code == 200 and "Gesprek met de school" in page.text
    assert dispute_id in listed.text
    assert START not in listed.text  # a link to one dispute opens no new one


async def test_a_used_link_is_refused_and_the_refusal_reaches_the_audit_trail(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    _, token = await opened_elsewhere(disputes, pupil)
    async with httpx.AsyncClient(base_url=disputes.base_url) as stranger:
        again = await stranger.post(f"{START}/{pupil.pupil_id}", data=opening_form(disputes, token))

    assert again.status_code == 403
    assert again.json()["reason"] == "reused"
    await refusals_reported(disputes)
    refused = await wait_for(lambda: disputes_tap.of(pupil.tenant, "AccessRefused"))
    assert refused[0].data["reason"] == "reused_token"
    assert refused[0].data["route"] == START + "/{pupil_id}"
    assert refused[0].data["method"] == "POST"
    assert refused[0].data["count"] == 1


async def test_a_guardian_with_only_the_right_to_information_cannot_open_a_dispute(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster, standing=GuardianStanding.INFORMATION_RIGHT)
    token = disputes.guardian_token(pupil.tenant, pupil.guardians[0], pupil.pupil_id)
    page, opened = await read_and_open(disputes, pupil, token)

    assert page.status_code == 403 and opened.status_code == 403
    assert opened.json()["type"] == "urn:samen:problem:no-parental-authority"


async def test_a_guardian_link_for_one_pupil_reaches_no_dispute_of_another(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    dispute_id, _ = await opened_elsewhere(disputes, pupil)
    other = await enrolled(disputes, consent_roster, pupil.tenant)
    token = disputes.guardian_token(other.tenant, other.guardians[0], other.pupil_id)
    async with httpx.AsyncClient(base_url=disputes.base_url) as stranger:
        page = await stranger.get(f"{PAGE}/{dispute_id}", params={"token": token})
        move = await stranger.post(
            f"{PAGE}/{dispute_id}/stap", data={"token": token, "move": "withdraw"}
        )

    assert page.status_code == 404 and move.status_code == 404
    staff = disputes.staff_token(pupil.tenant, Role.SWV_ADMIN)
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        file = (await http.get(f"/disputes/{dispute_id}", headers=staff)).json()
    assert file["ending"] is None and file["moves"] == []


async def test_a_forged_link_is_refused_with_401_and_recorded_for_no_tenant(
    disputes: Running, disputes_tap: Tap
) -> None:
    forged = disputes.guardian_token(new_tenant(), uuid4(), uuid4())[:-4] + "AAAA"
    async with httpx.AsyncClient(base_url=disputes.base_url) as guardian:
        page = await guardian.get(PAGE, params={"token": forged})

    assert page.status_code == 401
    assert page.json()["reason"] == "forged"
    await refusals_reported(disputes)

    def forged_refusals() -> list[Any]:
        return [
            s
            for s in disputes_tap.of(PLATFORM_TENANT, "AccessRefused")
            if s.data["reason"] == "forged_token" and s.data["route"] == PAGE
        ]

    refused = await wait_for(forged_refusals)
    assert refused[0].data["credential"] == "guardian_token"


async def test_the_guardian_who_opened_withdraws_and_the_page_says_the_case_is_closed(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    async with guardian_who_opened(disputes, consent_roster) as (pupil, guardian, dispute_id):
        withdrawn = await guardian.post(f"{PAGE}/{dispute_id}/stap", data={"move": "withdraw"})
        page = await guardian.get(f"{PAGE}/{dispute_id}")

    assert withdrawn.status_code == 303
    assert "Deze zaak is klaar." in page.text
    assert 'name="move"' not in page.text  # no steps are left
    ended = await wait_for(lambda: disputes_tap.of(pupil.tenant, "DisputeWithdrawn"))
    assert ended[0].data["withdrawn_by"] == "guardian"


async def test_a_link_naming_another_familys_pupil_is_refused_for_reading_as_for_opening(
    disputes: Running, consent_roster: Roster
) -> None:
    ours = await enrolled(disputes, consent_roster)
    theirs = await enrolled(disputes, consent_roster, ours.tenant)
    # Our guardian, with a link that names their pupil.
    token = disputes.guardian_token(ours.tenant, ours.guardians[0], theirs.pupil_id)
    page, opened = await read_and_open(disputes, theirs, token)

    assert (page.status_code, opened.status_code) == (403, 403)
    counted = await refusals_counted(disputes.sessions, ours.tenant)
    route = START + "/{pupil_id}"
    assert counted[("forbidden_role", "guardian_token", "GET", route)] == 1
    assert counted[("forbidden_role", "guardian_token", "POST", route)] == 1


async def test_a_link_for_one_dispute_does_not_show_the_form_but_its_session_may_open_one(
    disputes: Running, consent_roster: Roster
) -> None:
    """The link itself opens only its dispute; the session its first action starts opens
    everything about the guardian's own child (ADR 0017), opening a dispute too."""
    pupil = await enrolled(disputes, consent_roster)
    dispute_id, _ = await opened_elsewhere(disputes, pupil)
    item = GuardianItem.of("dispute", dispute_id)
    token = disputes.guardian_token(pupil.tenant, pupil.guardians[0], pupil.pupil_id, item)
    page, opened = await read_and_open(disputes, pupil, token)

    assert (page.status_code, opened.status_code) == (404, 303)
    counted = await refusals_counted(disputes.sessions, pupil.tenant)
    route = START + "/{pupil_id}"
    assert counted[("out_of_scope", "guardian_token", "GET", route)] == 1
    assert ("out_of_scope", "guardian_token", "POST", route) not in counted
