"""Parents' pages over real HTTP: answering an invitation, reading a record, acknowledging
it once and commenting beside it. Links are bound to one guardian, pupil and item."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import httpx
import icalendar
import pytest
from samen_kit.access import GuardianItem, Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.refusals import refusals_counted
from samen_kit.testing.waiting import wait_for

from services.meetings.tests.meetings_harness import (
    Pupil,
    Roster,
    Running,
    Tap,
    pupil_known,
    register_staff,
)
from services.meetings.tests.meetings_requests import interpreted_talk, meeting_body, record_body

pytestmark = pytest.mark.integration


async def setup_pupil(run: Running, roster: Roster) -> tuple[Pupil, UUID, dict[str, str]]:
    pupil = await roster.enrol(new_tenant(), guardians=1, information_right=1)
    await wait_for(lambda: _all_guardians_known(run, pupil))
    staff = run.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=run.base_url) as http:
        teacher = await register_staff(run, http, pupil.tenant, pupil.school_id)
    return pupil, teacher, staff


async def _all_guardians_known(run: Running, pupil: Pupil) -> bool:
    rows = await run.sql(
        "SELECT guardian_id FROM roster_guardianship WHERE tenant = :t AND pupil_id = :p",
        t=pupil.tenant,
        p=pupil.pupil_id,
    )
    return len(rows) == 2 and await pupil_known(run, pupil)


async def information_right_guardian(run: Running, pupil: Pupil) -> UUID:
    rows = await run.sql(
        "SELECT guardian_id FROM roster_guardianship"
        " WHERE tenant = :t AND pupil_id = :p AND standing = :s",
        t=pupil.tenant,
        p=pupil.pupil_id,
        s="information_right",
    )
    return UUID(str(rows[0][0]))


def page(run: Running) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=run.base_url)


def meeting_link(run: Running, pupil: Pupil, meeting_id: str, guardian: UUID | None = None) -> str:
    """A guardian's link to one meeting about `pupil`: the first guardian's by default."""
    item = GuardianItem.of("meeting", meeting_id)
    return run.guardian_token(pupil.tenant, guardian or pupil.guardians[0], pupil.pupil_id, item)


async def planned_intake(
    run: Running,
    http: httpx.AsyncClient,
    pupil: Pupil,
    teacher: UUID,
    staff: dict[str, str],
    **fields: Any,
) -> tuple[str, datetime]:
    """An intake with `teacher`, planned by `staff` to start nine days from now: its id and
    start."""
    starts = run.clock.now() + timedelta(days=9)
    body = meeting_body(pupil.pupil_id, "intake", starts, [teacher], **fields)
    return (await http.post("/meetings", json=body, headers=staff)).json()["meeting_id"], starts


async def test_a_guardian_answers_the_invitation_and_the_note_stays_here(
    meetings: Running, consent_roster: Roster, meetings_tap: Tap
) -> None:
    pupil, teacher, staff = await setup_pupil(meetings, consent_roster)
    guardian = pupil.guardians[0]
    async with page(meetings) as http:
        starts = meetings.clock.now() + timedelta(days=9)
        body = interpreted_talk(pupil.pupil_id, starts, teacher)
        meeting_id = (await http.post("/meetings", json=body, headers=staff)).json()["meeting_id"]
        token = meeting_link(meetings, pupil, meeting_id, guardian)
        opened = await http.get(f"/ouders/gesprekken/{meeting_id}", params={"token": token})
        opened_again = await http.get(
            f"/ouders/gesprekken/{meeting_id}", params={"token": token, "taal": "en"}
        )
        form = {"token": token, "answer": "another_time", "note": "Liever na drie uur."}
        answered = await http.post(f"/ouders/gesprekken/{meeting_id}", data=form)
        thanks = await http.get(answered.headers["location"])
        details = (await http.get(f"/meetings/{meeting_id}", headers=staff)).json()

    assert opened.status_code == opened_again.status_code == 200  # opening uses nothing up
    assert "Uitnodiging voor een gesprek" in opened.text
    assert "Voortgangsgesprek" in opened.text and "Progress meeting" not in opened.text
    assert "Voortgangsgesprek" in opened_again.text and "Progress meeting" in opened_again.text
    assert answered.status_code == 303
    assert "Wij hebben uw antwoord" in thanks.text
    (event,) = await wait_for(lambda: meetings_tap.of(pupil.tenant, "InvitationAnswered"))
    assert event.data["answer"] == "another_time"
    assert event.data["with_note"] is True
    assert "Liever" not in str(event.data)
    assert [(a["answer"], a["note"]) for a in details["answers"]] == [
        ("another_time", "Liever na drie uur.")
    ]


async def test_a_used_link_cannot_start_a_second_session(
    meetings: Running, consent_roster: Roster
) -> None:
    pupil, teacher, staff = await setup_pupil(meetings, consent_roster)
    async with page(meetings) as http:
        meeting_id, _ = await planned_intake(meetings, http, pupil, teacher, staff)
    token = meeting_link(meetings, pupil, meeting_id)
    form = {"token": token, "answer": "accept"}
    async with page(meetings) as first, page(meetings) as second:
        accepted = await first.post(f"/ouders/gesprekken/{meeting_id}", data=form)
        reused = await second.post(f"/ouders/gesprekken/{meeting_id}", data=form)

    assert accepted.status_code == 303
    assert reused.status_code == 403


async def test_links_open_only_their_own_item_for_a_guardian_who_may(
    meetings: Running, consent_roster: Roster
) -> None:
    pupil, teacher, staff = await setup_pupil(meetings, consent_roster)
    informed = await information_right_guardian(meetings, pupil)
    async with page(meetings) as http:
        meeting_id, starts = await planned_intake(meetings, http, pupil, teacher, staff)
        next_day = meeting_body(pupil.pupil_id, "intake", starts + timedelta(days=1), [teacher])
        other = (await http.post("/meetings", json=next_day, headers=staff)).json()["meeting_id"]
        wrong_item = meeting_link(meetings, pupil, other)
        not_invited = meeting_link(meetings, pupil, meeting_id, informed)
        other_tenant = meetings.guardian_token(
            new_tenant(), pupil.guardians[0], pupil.pupil_id, GuardianItem.of("meeting", meeting_id)
        )
        answers = [
            await http.get(f"/ouders/gesprekken/{meeting_id}", params={"token": t})
            for t in (wrong_item, not_invited, other_tenant)
        ]

    assert [a.status_code for a in answers] == [404, 404, 404]
    assert all("Niet gevonden" in a.text for a in answers)


async def test_a_record_is_read_acknowledged_once_and_commented_on_beside_it(
    meetings: Running, consent_roster: Roster, meetings_tap: Tap
) -> None:
    pupil, teacher, staff = await setup_pupil(meetings, consent_roster)
    informed = await information_right_guardian(meetings, pupil)
    async with page(meetings) as http:
        held = meetings.clock.now() - timedelta(days=1)
        body = meeting_body(pupil.pupil_id, "progress_talk", held, [teacher])
        meeting_id = (await http.post("/meetings/unplanned", json=body, headers=staff)).json()[
            "meeting_id"
        ]
        record = await http.post(
            f"/meetings/{meeting_id}/record",
            json=record_body([teacher, pupil.guardians[0]]),
            headers=staff,
        )
        record_id = record.json()["record_id"]
        token = meetings.guardian_token(
            pupil.tenant, informed, pupil.pupil_id, GuardianItem.of("meeting_record", record_id)
        )
        unconfirmed = await http.get(f"/ouders/verslagen/{record_id}", params={"token": token})
        http.cookies.update(meetings.step_up(pupil.tenant, informed))
        read = await http.get(f"/ouders/verslagen/{record_id}", params={"token": token})
        first = await http.post(f"/ouders/verslagen/{record_id}/gelezen", data={"token": token})
        again = await http.post(f"/ouders/verslagen/{record_id}/gelezen")  # the session cookie
        empty = await http.post(f"/ouders/verslagen/{record_id}/reactie", data={"text": "  "})
        comment = {"text": "Wij zien thuis ook vooruitgang."}
        commented = await http.post(f"/ouders/verslagen/{record_id}/reactie", data=comment)
        shown = await http.get(commented.headers["location"])
        staff_view = (await http.get(f"/records/{record_id}", headers=staff)).json()

    assert unconfirmed.status_code == 303 and "Wat gaat goed" not in unconfirmed.text
    code_page = urlsplit(unconfirmed.headers["location"])
    assert code_page.path == "/ouders/bevestigen"
    assert parse_qs(code_page.query)["token"] == [token]
    assert read.status_code == 200
    assert "Wat gaat goed" in read.text and "Leest met plezier." in read.text
    assert [first.status_code, again.status_code, commented.status_code] == [303, 303, 303]
    assert empty.status_code == 422 and "Uw reactie is leeg" in empty.text
    assert "Wij zien thuis ook vooruitgang." in shown.text
    await wait_for(lambda: meetings_tap.of(pupil.tenant, "ParentCommentAdded"))
    assert len(meetings_tap.of(pupil.tenant, "RecordAcknowledged")) == 1
    assert len(meetings_tap.of(pupil.tenant, "ParentCommentAdded")) == 1
    assert staff_view["guardian_view"] == "Thuis gaat het goed."  # not merged into the record
    assert [c["text"] for c in staff_view["parent_comments"]] == [comment["text"]]
    assert [a["guardian_id"] for a in staff_view["acknowledgements"]] == [str(informed)]


async def test_the_calendar_entry_matches_the_invitations_uid_and_sequence(
    meetings: Running, consent_roster: Roster
) -> None:
    pupil, teacher, staff = await setup_pupil(meetings, consent_roster)
    async with page(meetings) as http:
        meeting_id, starts = await planned_intake(
            meetings, http, pupil, teacher, staff, location_kind="online"
        )
        later = starts + timedelta(days=2)
        await http.post(
            f"/meetings/{meeting_id}/reschedule",
            json={
                "starts_at": later.isoformat(),
                "ends_at": (later + timedelta(hours=1)).isoformat(),
            },
            headers=staff,
        )
        token = meeting_link(meetings, pupil, meeting_id)
        parent_file = await http.get(
            f"/ouders/gesprekken/{meeting_id}/agenda.ics", params={"token": token}
        )
        staff_file = await http.get(f"/meetings/{meeting_id}/calendar.ics", headers=staff)

    assert parent_file.headers["content-type"].startswith("text/calendar")
    assert (
        parent_file.content.replace(b"\r\n", b"\n").split(b"DTSTAMP")[0]
        == (staff_file.content.replace(b"\r\n", b"\n").split(b"DTSTAMP")[0])
    )
    event = _only_event(icalendar.Calendar.from_ical(parent_file.content))
    assert str(event["UID"]) == f"meeting-{meeting_id}@samen.invalid"
    assert event.decoded("SEQUENCE") == 1
    assert event.decoded("DTSTART") == later
    assert "Online" in str(event["LOCATION"])


def _only_event(calendar: Any) -> Any:
    (event,) = [c for c in calendar.walk() if c.name == "VEVENT"]
    return event


async def test_a_link_naming_another_familys_pupil_is_refused_for_reading_as_for_answering(
    meetings: Running, consent_roster: Roster
) -> None:
    pupil, teacher, staff = await setup_pupil(meetings, consent_roster)
    stranger = await consent_roster.enrol(pupil.tenant, guardians=1)
    await wait_for(lambda: pupil_known(meetings, stranger))
    async with page(meetings) as http:
        body = meeting_body(
            pupil.pupil_id, "progress_talk", meetings.clock.now() + timedelta(days=9), [teacher]
        )
        meeting_id = (await http.post("/meetings", json=body, headers=staff)).json()["meeting_id"]
        # Another family's guardian, with a link naming this pupil and this meeting.
        token = meeting_link(meetings, pupil, meeting_id, stranger.guardians[0])
        opened = await http.get(f"/ouders/gesprekken/{meeting_id}", params={"token": token})
        calendar = await http.get(
            f"/ouders/gesprekken/{meeting_id}/agenda.ics", params={"token": token}
        )
        answered = await http.post(
            f"/ouders/gesprekken/{meeting_id}", data={"token": token, "answer": "accepted"}
        )

    assert (opened.status_code, calendar.status_code, answered.status_code) == (404, 404, 404)
    counted = await refusals_counted(meetings.sessions, pupil.tenant)
    route = "/ouders/gesprekken/{meeting_id}"
    assert counted[("out_of_scope", "guardian_token", "GET", route)] == 1
    assert counted[("out_of_scope", "guardian_token", "POST", route)] == 1
