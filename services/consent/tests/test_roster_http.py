"""The roster import over HTTP: what it stores, what it emits on Kafka, and that doing it
twice changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import uuid4

import pytest
from samen_contract.events.consent import (
    GuardianshipEnded,
    GuardianshipRecorded,
    PupilEnrolled,
    PupilGroupChanged,
    PupilLeft,
)
from samen_kit.access import Role

from services.consent.tests.consent_harness import ConsentService, Family, School

pytestmark = pytest.mark.integration


def _roster_events(seen: list[object]) -> list[str]:
    return [s.name for s in seen]  # type: ignore[attr-defined]


async def test_an_import_emits_enrolment_and_guardianships_keyed_by_pupil(
    consent: ConsentService, school: School
) -> None:
    family = Family.of(standings=("parental_authority", "information_right"))

    report = await consent.import_families(school, [family])

    assert report == {"imported": 1, "unchanged": 0, "errors": []}
    seen = await consent.events.wait(school.tenant, lambda s: len(s) == 3)
    assert {s.key for s in seen} == {str(family.pupil_id).encode()}
    enrolled = next(s for s in seen if isinstance(s.event, PupilEnrolled))
    assert enrolled.event == PupilEnrolled(
        pupil_id=family.pupil_id, school_id=school.school_id, enrolled_on=family.enrolled_on
    )
    envelope = enrolled.envelope
    assert (envelope.source, envelope.subject) == ("/samen/consent", str(family.pupil_id))
    assert (envelope.school, envelope.board) == (str(school.school_id), str(school.board_id))
    assert envelope.actor.startswith("director:")
    standings = {
        s.event.guardian_id: s.event.standing.value
        for s in seen
        if isinstance(s.event, GuardianshipRecorded)
    }
    assert standings == dict(family.guardians)
    assert sorted(s.envelope.sequence for s in seen) == [1, 2, 3]


async def test_the_same_import_twice_changes_nothing_and_emits_nothing(
    consent: ConsentService, school: School
) -> None:
    families = [Family.of(), Family.of(standings=("parental_authority",))]
    await consent.import_families(school, families)
    first = await consent.events.wait(school.tenant, lambda s: len(s) == 5)

    again = await consent.import_families(school, families)

    assert again == {"imported": 0, "unchanged": 2, "errors": []}
    assert len(await consent.events.settle(school.tenant)) == len(first)


async def test_a_guardian_missing_from_a_later_import_ends_and_a_changed_standing_is_recorded(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    await consent.events.wait(school.tenant, lambda s: len(s) == 3)
    kept, dropped = family.guardians
    later = Family(family.pupil_id, family.birth_date, ((kept[0], "information_right"),))

    report = await consent.import_families(school, [later])

    assert report["imported"] == 1
    seen = await consent.events.wait(school.tenant, lambda s: len(s) == 5)
    ended = [s.event for s in seen if isinstance(s.event, GuardianshipEnded)]
    assert ended == [GuardianshipEnded(pupil_id=family.pupil_id, guardian_id=dropped[0])]
    recorded = [s.event for s in seen[3:] if isinstance(s.event, GuardianshipRecorded)]
    assert [(r.guardian_id, r.standing.value) for r in recorded] == [(kept[0], "information_right")]


async def test_bad_rows_are_reported_by_line_and_the_good_rows_still_go_in(
    consent: ConsentService, school: School
) -> None:
    good, late, twice = Family.of(), Family.of(), Family.of()
    headers = consent.staff_token(school.tenant, Role.IB, schools=[school.school_id])
    rows = [
        good.row(2),
        late.row(3, left_on="2025-01-01"),  # leaves before enrolling
        {"line": 4, "pupil_id": "not-a-uuid"},
        twice.row(5),
        twice.row(6),
        good.row(7, birth_date="2031-01-01"),  # born in the future
    ]
    body = {"school_id": str(school.school_id), "board_id": str(school.board_id), "rows": rows}

    response = await consent.http.post("/v1/roster", json=body, headers=headers)

    assert response.status_code == 200
    report = response.json()
    assert (report["imported"], report["unchanged"]) == (2, 0)
    assert [e["line"] for e in report["errors"]] == [3, 4, 6, 7]
    assert "uitschrijfdatum" in report["errors"][0]["detail"]
    assert "pupil_id" in report["errors"][1]["detail"]
    assert "not-a-uuid" not in str(report)  # never echo what was sent


async def test_a_pupil_of_another_school_is_refused_on_its_line(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    other = School(school.tenant, uuid4(), school.board_id)

    report = await consent.import_families(other, [family])

    assert report["imported"] == 0
    assert report["errors"] == [{"line": 2, "detail": "leerling staat al bij een andere school"}]


async def test_leaving_emits_pupil_left_and_cancels_the_open_request(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    request = await consent.ask(school, family)
    left = Family(family.pupil_id, family.birth_date, family.guardians, left_on=date(2026, 1, 5))

    await consent.import_families(school, [left])

    seen = await consent.events.wait(
        school.tenant, lambda s: {"PupilLeft", "ConsentRequestCancelled"} <= {x.name for x in s}
    )
    assert PupilLeft(
        pupil_id=family.pupil_id, school_id=school.school_id, left_on=date(2026, 1, 5)
    ) in [s.event for s in seen]
    cancelled = next(s for s in seen if s.name == "ConsentRequestCancelled")
    assert cancelled.event is not None
    assert cancelled.event.model_dump()["reason"] == "roster_changed"
    headers = consent.staff_token(school.tenant, Role.IB, schools=[school.school_id])
    after = await consent.http.get(f"/v1/requests/{request['request_id']}", headers=headers)
    assert after.json()["state"] == "cancelled"


async def test_a_pupil_who_moves_class_is_imported_as_a_group_change_and_once_only(
    consent: ConsentService, school: School
) -> None:
    family = replace(Family.of(), group="7a")
    await consent.import_families(school, [family])
    await consent.events.wait(school.tenant, lambda s: len(s) == 3)

    report = await consent.import_families(school, [replace(family, group="7b")])
    again = await consent.import_families(school, [replace(family, group="7b")])

    await consent.events.wait(school.tenant, lambda s: "PupilGroupChanged" in _roster_events(s))
    seen = await consent.events.settle(school.tenant)
    assert (report["imported"], again["unchanged"]) == (1, 1)
    assert [s.event for s in seen if isinstance(s.event, PupilEnrolled)] == [
        PupilEnrolled(
            pupil_id=family.pupil_id,
            school_id=school.school_id,
            enrolled_on=family.enrolled_on,
            group="7a",
        )
    ]
    assert [s.event for s in seen if isinstance(s.event, PupilGroupChanged)] == [
        PupilGroupChanged(pupil_id=family.pupil_id, school_id=school.school_id, group="7b")
    ]


async def test_a_teacher_may_not_import_the_roster(consent: ConsentService, school: School) -> None:
    headers = consent.staff_token(school.tenant, Role.TEACHER, schools=[school.school_id])
    body = {"school_id": str(school.school_id), "rows": [Family.of().row()]}

    response = await consent.http.post("/v1/roster", json=body, headers=headers)

    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert await consent.events.settle(school.tenant, quiet=0.5) == []


async def test_the_stored_pupil_has_school_board_birth_date_and_guardians(
    consent: ConsentService, school: School
) -> None:
    family = Family.of(birth_date=date(2013, 6, 1))
    await consent.import_families(school, [family])
    headers = consent.staff_token(school.tenant, Role.IB, schools=[school.school_id])

    pupil = (await consent.http.get(f"/v1/pupils/{family.pupil_id}", headers=headers)).json()

    assert pupil["school_id"] == str(school.school_id)
    assert pupil["board_id"] == str(school.board_id)
    assert pupil["birth_date"] == "2013-06-01"
    assert {g["guardian_id"] for g in pupil["guardians"]} == {str(g) for g in family.guardian_ids}
