"""Pure pieces of the service between the domain and the world: problem documents,
consent validity as the gate reads it, dates on parents' pages, calendar entries and the
refusals recorded for the audit trail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import icalendar
import pytest
from samen_kit.pages import TimeSpan
from samen_meetings.adapters.tables import MeetingRow
from samen_meetings.domain.consent_gate import ConsentGap, HoldReason, Purpose
from samen_meetings.domain.errors import (
    ConsentRequired,
    EndBeforeStart,
    ParticipantFromAnotherSchool,
    RecordIncomplete,
    SecondRecord,
)
from samen_meetings.domain.kinds import ParticipantRole
from samen_meetings.entrypoints.errors import PROBLEMS
from samen_meetings.entrypoints.ical import meeting_calendar
from samen_meetings.entrypoints.refusals import RESOURCE_KINDS
from samen_meetings.handlers.consent_facts import last_valid_day

pytestmark = pytest.mark.unit
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class TestProblems:
    def test_bad_content_is_422_with_the_rules_code_and_safe_members(self) -> None:
        problem = PROBLEMS.problem_of(RecordIncomplete(["strengths", "goals"]))

        body = problem.body("/meetings/x/record")
        assert (problem.status, body["type"]) == (422, "urn:samen:problem:record-incomplete")
        assert body["missing"] == ["strengths", "goals"]

    def test_a_clash_with_the_state_is_409(self) -> None:
        assert PROBLEMS.problem_of(SecondRecord(uuid4())).status == 409
        assert PROBLEMS.problem_of(EndBeforeStart(NOW, NOW)).status == 422

    def test_another_schools_participant_is_answered_as_not_found(self) -> None:
        problem = PROBLEMS.problem_of(ParticipantFromAnotherSchool(uuid4()))

        assert problem.status == 404
        assert problem.type == "urn:samen:problem:participant-from-another-school"

    def test_missing_consent_names_each_purpose_and_gap(self) -> None:
        reasons = (
            HoldReason(Purpose.MDO_REQUEST, ConsentGap.WITHDRAWN),
            HoldReason(Purpose.ENGAGE_SWV, ConsentGap.MISSING, ParticipantRole.TRAJECTBEGELEIDER),
        )

        body = PROBLEMS.problem_of(ConsentRequired(reasons)).body()

        assert body["status"] == 409
        assert body["holds"] == [
            {"purpose": "mdo_request", "gap": "withdrawn", "role": None},
            {"purpose": "engage_swv", "gap": "missing", "role": "trajectbegeleider"},
        ]


class TestConsentValidity:
    @pytest.mark.parametrize(
        ("valid_until", "last_day"),
        [
            ("2026-08-01T00:00:00+02:00", "2026-07-31"),  # summer time
            ("2026-01-01T00:00:00+01:00", "2025-12-31"),  # winter time
            ("2026-03-29T00:00:00+01:00", "2026-03-28"),  # the night clocks go forward
        ],
    )
    def test_an_exclusive_end_means_valid_through_the_day_before(
        self, valid_until: str, last_day: str
    ) -> None:
        last = last_valid_day(datetime.fromisoformat(valid_until))

        assert last is not None and last.isoformat() == last_day

    def test_no_end_is_no_end(self) -> None:
        assert last_valid_day(None) is None


class TestPageDates:
    def test_times_are_shown_in_amsterdam_on_both_sides_of_the_dst_change(self) -> None:
        winter = datetime(2026, 3, 27, 13, 0, tzinfo=UTC)
        summer = winter + timedelta(days=7)

        assert (
            TimeSpan(winter, winter + timedelta(hours=1)).in_language("nl")
            == "vrijdag 27 maart 2026, 14:00 – 15:00"
        )
        assert (
            TimeSpan(summer, summer + timedelta(hours=1)).in_language("nl")
            == "vrijdag 3 april 2026, 15:00 – 16:00"
        )


def a_row(status: str = "scheduled", revision: int = 0) -> MeetingRow:
    return MeetingRow(
        meeting_id=uuid4(),
        tenant="swv-test",
        school_id=uuid4(),
        pupil_id=uuid4(),
        kind="mdo",
        status=status,
        planned=True,
        starts_at=NOW,
        ends_at=NOW + timedelta(hours=1),
        location_kind="school",
        revision=revision,
        scheduled_at=NOW,
        created_by="ib:x",
    )


class TestCalendar:
    @pytest.mark.parametrize(
        ("status", "expected"),
        [("scheduled", "CONFIRMED"), ("on_hold", "TENTATIVE"), ("cancelled", "CANCELLED")],
    )
    def test_the_entry_has_the_shared_uid_the_revision_and_the_state(
        self, status: str, expected: str
    ) -> None:
        row = a_row(status, revision=3)

        calendar = icalendar.Calendar.from_ical(meeting_calendar(row, NOW))
        (event,) = [c for c in calendar.walk() if c.name == "VEVENT"]

        assert str(event["UID"]) == f"meeting-{row.meeting_id}@samen.invalid"
        assert event.decoded("SEQUENCE") == 3
        assert str(event["STATUS"]) == expected
        assert str(event["LOCATION"]) == "Op school / At school"
        assert event.decoded("DTSTART") == NOW


class TestRefusals:
    @pytest.mark.parametrize(
        ("route", "kind"),
        [
            ("/meetings/{meeting_id}", "meeting"),
            ("/records/{record_id}", "meeting_record"),
            ("/ouders/verslagen/{record_id}", "meeting_record"),
            ("/opps", "opp"),
            ("/", "other"),
        ],
    )
    def test_the_resource_kind_follows_the_route(self, route: str, kind: str) -> None:
        assert RESOURCE_KINDS.of(route) == kind
